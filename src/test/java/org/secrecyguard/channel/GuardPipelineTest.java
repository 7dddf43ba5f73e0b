package org.secrecyguard.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;

/** The one decide → enforce → record → notify path, for every action and every way enforcement can fail. */
class GuardPipelineTest {
    static final Verdict SECRET = new Verdict(List.of(new Finding(DetectorType.MARKING, "marking.header",
            Level.SECRET, "机密★1年", "body")));
    static final Transfer TO_WECHAT = Transfer.toApp(Channel.CLIPBOARD, ContentKind.TEXT, "WeChat");

    final List<GuardEvent> events = Collections.synchronizedList(new ArrayList<>());
    final RecordingNotifier notifier = new RecordingNotifier();
    final Clock clock = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    GuardPipeline pipeline(Action action) {
        return new GuardPipeline(new GuardContext(new NoScanner(), (v, t, time) -> action, events::add, notifier, clock));
    }

    @Test
    void auditIsLoggedSilentlyAndWarnIsLoggedAndShown() {
        pipeline(Action.AUDIT).decideAndCarryOut(TO_WECHAT, ScanOutcome.of(SECRET), "", new Stopper());
        assertEquals(GuardEvent.Outcome.AUDITED, events.get(0).outcome());
        assertTrue(notifier.shown.isEmpty());
        pipeline(Action.WARN).decideAndCarryOut(TO_WECHAT, ScanOutcome.of(SECRET), "", new Stopper());
        assertEquals(GuardEvent.Outcome.WARNED, events.get(1).outcome());
        assertEquals("WeChat", events.get(1).destinationApp());
        assertEquals(List.of("warn"), notifier.shown);
    }

    @Test
    void blockStopsLogsAndShowsTheBlock() {
        Stopper stopper = new Stopper();
        pipeline(Action.BLOCK).decideAndCarryOut(TO_WECHAT, ScanOutcome.of(SECRET), "ocr partly", stopper);
        assertEquals(1, stopper.stops);
        assertEquals(GuardEvent.Outcome.BLOCKED, events.get(0).outcome());
        assertEquals("ocr partly; replaced", events.get(0).note());
        assertEquals(List.of("block"), notifier.shown);
    }

    @Test
    void aTransferThatCannotBeStoppedIsWarnedAboutNeverClaimedBlocked() {
        pipeline(Action.BLOCK).decideAndCarryOut(TO_WECHAT, ScanOutcome.of(SECRET), "key PrintScreen",
                Enforcer.reportOnly("a key cannot be stopped"));
        GuardEvent e = events.get(0);
        assertEquals(Action.BLOCK, e.action(), "what the policy wanted");
        assertEquals(GuardEvent.Outcome.WARNED, e.outcome());
        assertEquals("key PrintScreen; a key cannot be stopped", e.note());
        assertEquals(Action.WARN, notifier.alerts.get(0).action());
    }

    @Test
    void anOverrideWithAReasonReleasesAndLogsTheReason() {
        notifier.overrideAnswer = CompletableFuture.completedFuture(Optional.of("  经处长批准发往内网审核  "));
        Stopper stopper = new Stopper();
        pipeline(Action.BLOCK_OVERRIDABLE).decideAndCarryOut(TO_WECHAT, ScanOutcome.of(SECRET), "", stopper);
        assertEquals(1, stopper.releases);
        assertEquals(List.of(GuardEvent.Outcome.BLOCKED, GuardEvent.Outcome.OVERRIDDEN),
                events.stream().map(GuardEvent::outcome).toList());
        assertEquals("经处长批准发往内网审核", events.get(1).overrideReason());
    }

    @Test
    void aReasonIsCountedInCharactersAsTheUserSeesThem() {
        // Ten characters, of which two lie outside the BMP (rare names in 𠀀-range): 12 Java chars.
        String tenChars = "经批准发往𠀀内网𠀁核";
        assertEquals(10, tenChars.codePointCount(0, tenChars.length()));
        notifier.overrideAnswer = CompletableFuture.completedFuture(Optional.of(tenChars));
        Stopper stopper = new Stopper();
        pipeline(Action.BLOCK_OVERRIDABLE).decideAndCarryOut(TO_WECHAT, ScanOutcome.of(SECRET), "", stopper);
        assertEquals(1, stopper.releases);

        String nineChars = "批准发往𠀀内网𠀁核"; // 11 Java chars: a length() check would let it pass
        assertEquals(11, nineChars.length());
        notifier.overrideAnswer = CompletableFuture.completedFuture(Optional.of(nineChars));
        Stopper second = new Stopper();
        pipeline(Action.BLOCK_OVERRIDABLE).decideAndCarryOut(TO_WECHAT, ScanOutcome.of(SECRET), "", second);
        assertEquals(0, second.releases, "nine characters are not a reason");
    }

    @Test
    void aReleaseThatFailsLeavesTheTransferStoppedAndSaysSo() {
        notifier.overrideAnswer = CompletableFuture.completedFuture(Optional.of("领导批准带去市里开会使用"));
        Stopper stopper = new Stopper();
        stopper.releaseFails = true;
        pipeline(Action.BLOCK_OVERRIDABLE).decideAndCarryOut(TO_WECHAT, ScanOutcome.of(SECRET), "", stopper);
        GuardEvent after = events.get(1);
        assertEquals(GuardEvent.Outcome.BLOCKED, after.outcome());
        assertEquals("领导批准带去市里开会使用", after.overrideReason());
        assertEquals("still in quarantine", after.note());
    }

    @Test
    void aFailingEventLogDoesNotStopTheBlock() {
        GuardPipeline p = new GuardPipeline(new GuardContext(new NoScanner(), (v, t, time) -> Action.BLOCK, e -> {
            throw new IllegalStateException("disk full");
        }, notifier, clock));
        Stopper stopper = new Stopper();
        p.decideAndCarryOut(TO_WECHAT, ScanOutcome.of(SECRET), "", stopper);
        assertEquals(1, stopper.stops);
        assertEquals(List.of("block"), notifier.shown);
    }

    @Test
    void cleanContentIsLeftAloneAndAnIncompleteFileCheckIsLoggedForIt() {
        GuardPipeline p = pipeline(Action.BLOCK);
        Judgements judgements = Judgements.on(p.context());
        Stopper stopper = new Stopper();
        p.decideAndCarryOut(TO_WECHAT, ScanOutcome.of(Verdict.CLEAN), "", stopper);
        assertTrue(events.isEmpty());
        Transfer file = Transfer.throughChat(new GuardEvent.MovedFile("a.docx", 10, "ab"), "WeChat");
        p.decideAndCarryOut(file, ScanOutcome.incomplete(Verdict.CLEAN, "encrypted"), "", stopper);
        assertEquals("not fully checked: encrypted", events.get(0).note());
        assertEquals(0, stopper.stops);
        assertEquals(List.of(Action.ALLOW, Action.ALLOW), judgements.snapshot().stream().map(Judgement::action).toList());
    }

    /** Counts stops and releases; releases run at once. */
    static final class Stopper implements Enforcer {
        int stops;
        int releases;
        boolean releaseFails;

        @Override
        public String stop() {
            stops++;
            return "replaced";
        }

        @Override
        public String release() throws IOException {
            if (releaseFails) {
                throw new IOException("still in quarantine");
            }
            releases++;
            return "";
        }

        @Override
        public Executor releaseThread() {
            return Runnable::run;
        }
    }

    static final class NoScanner implements ContentScanner {
        @Override
        public ScanOutcome scanText(String text, String where) {
            throw new AssertionError("the pipeline never scans");
        }

        @Override
        public ScanOutcome scanImage(java.awt.image.BufferedImage image, String where) {
            throw new AssertionError("the pipeline never scans");
        }

        @Override
        public ScanOutcome scanFile(java.nio.file.Path file) {
            throw new AssertionError("the pipeline never scans");
        }

        @Override
        public String rulesVersion() {
            return "test";
        }
    }
}
