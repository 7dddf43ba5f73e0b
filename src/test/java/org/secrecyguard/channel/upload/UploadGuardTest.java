package org.secrecyguard.channel.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.GuardContext;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.channel.Judgement;
import org.secrecyguard.channel.Judgements;
import org.secrecyguard.channel.RecordingNotifier;
import org.secrecyguard.channel.ScannerAdapter;
import org.secrecyguard.channel.TransferPolicy;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Level;
import org.secrecyguard.onaccess.DestinationProcesses;
import org.secrecyguard.onaccess.OverrideGrants;
import org.secrecyguard.platform.FileHold;
import org.secrecyguard.platform.FilePickerWatch;
import org.secrecyguard.platform.Limitation;
import org.secrecyguard.platform.PickerSelection;
import org.secrecyguard.platform.PlatformUnavailableException;
import org.secrecyguard.platform.windows.RecordedPickerTrace;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.ExternalApps;
import org.secrecyguard.policy.Policy;
import org.secrecyguard.policy.TimeContext;
import org.secrecyguard.scan.ContentHash;
import org.secrecyguard.scan.Scanners;
import org.secrecyguard.testing.Await;

/**
 * The upload channel on recorded Windows picker traces (WinEvents and window trees written from the
 * documented Win32 structures, replayed through the product's {@code PickerEvents}), with real files,
 * the real scanner and policy and the real destination list. Only the share-mode-0 hold is a stand-in
 * (it cannot exist on Linux): it records what it holds, and can refuse as Windows does for a file
 * open elsewhere.
 */
class UploadGuardTest {
    private static final String BODY = "经研究决定开展新型装备联合试验";
    private static final String REASON = "经处长批准报送上级机关的材料";

    @TempDir
    Path home;

    private final List<GuardEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final RecordingHold hold = new RecordingHold();
    private UploadGuard guard;

    @AfterEach
    void tearDown() {
        if (guard != null) {
            guard.stop();
        }
    }

    private static final TransferPolicy DEFAULT_POLICY = (verdict, t, time) -> Policy.defaults().decide(verdict,
            t.channel(), t.destinationApp().isEmpty() ? null : t.destinationApp(), new TimeContext(time));

    /** Starts the channel on {@code trace} and returns the context's judgements. */
    private Judgements start(RecordedPickerTrace trace, TransferPolicy policy, Duration afterDialog) {
        GuardContext context = new GuardContext(new ScannerAdapter(Scanners.forFiles(Baseline::engine, false)),
                policy, events::add, notifier, Clock.systemDefaultZone());
        Judgements judgements = Judgements.on(context);
        guard = UploadGuard.builder().watch(() -> trace).hold(hold)
                .destinations(new DestinationProcesses(ExternalApps::defaults)::destinationOf)
                .grants(new OverrideGrants(Clock.systemDefaultZone())).context(context)
                .afterDialog(afterDialog).maxHold(Duration.ofMinutes(1)).build();
        guard.start();
        return judgements;
    }

    /** The listener the channel gave the watch (to replay a second dialog to the same channel). */
    private static java.util.function.Consumer<PickerSelection> selectionsOf(RecordedPickerTrace started) {
        return started.listener();
    }

    private RecordedPickerTrace trace(String name) {
        return RecordedPickerTrace.load(name, RecordedPickerTrace.windowsHomeAt(home));
    }

    private Path document(String name, String... paragraphs) throws IOException {
        Path file = Files.createDirectories(home.resolve("Documents")).resolve(name);
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            Files.write(file, out.toByteArray());
        }
        return file;
    }

    private Path secretNotice(String name) throws IOException {
        return document(name, "000123", "机密★1年", "特急", "关于开展新型装备联合试验的通知", BODY);
    }

    @Test
    void aSecretFileChosenInWeixinIsHeldTheBlockIsShownAndTheHoldEndsAfterTheDialog() throws IOException {
        Path file = secretNotice("通知.docx");
        RecordedPickerTrace trace = trace("trace-weixin-pick-one.json");
        Judgements judgements = start(trace, DEFAULT_POLICY, Duration.ofMillis(400));
        trace.replay();

        Judgement j = judgements.awaitCarriedOut(1);
        assertEquals(Action.BLOCK, j.action());
        assertTrue(hold.wasHeld(file), "held while the popup is up");
        assertEquals(List.of("block"), notifier.shown);
        assertEquals("WeChat (Weixin.exe)", notifier.alerts.get(0).destinationApp());
        GuardEvent e = events.get(0);
        assertEquals(Channel.UPLOAD_DIALOG, e.channel());
        assertEquals(GuardEvent.Outcome.BLOCKED, e.outcome());
        assertEquals(Level.SECRET, e.verdict().highest().orElseThrow());
        assertEquals("通知.docx", e.file().name());
        assertEquals(Files.size(file), e.file().size());
        assertEquals(ContentHash.of(Files.readAllBytes(file)), e.file().sha256());
        assertEquals("WeChat (Weixin.exe)", e.destinationApp());
        assertTrue(e.note().contains("held"), e.note());

        Await.until(() -> !hold.isHeld(file), "released once the dialog has been closed a while");
        assertEquals(1, events.size(), "the selection and the dialog's end are one decision: " + events);
        assertFalse(String.valueOf(events).contains(BODY), "no secret text in events");
    }

    @Test
    void anOverrideWithAReasonReleasesTheFileAndIsLogged() throws IOException {
        Path file = document("通知.docx", "工作秘密", "关于年度考核的安排");
        notifier.overrideAnswer = CompletableFuture.completedFuture(Optional.of(REASON));
        TransferPolicy overridable = (v, t, time) -> v.highest().orElseThrow() == Level.WORK_SECRET
                ? Action.BLOCK_OVERRIDABLE : DEFAULT_POLICY.decide(v, t, time);
        RecordedPickerTrace trace = trace("trace-weixin-pick-one.json");
        Judgements judgements = start(trace, overridable, Duration.ofMinutes(1));
        trace.replay();

        Await.until(() -> events.stream().anyMatch(e -> e.outcome() == GuardEvent.Outcome.OVERRIDDEN),
                "override logged, saw " + events);
        assertEquals(List.of("override"), notifier.shown);
        GuardEvent blocked = events.get(0);
        GuardEvent overridden = events.get(1);
        assertEquals(GuardEvent.Outcome.BLOCKED, blocked.outcome());
        assertEquals(REASON, overridden.overrideReason());
        assertEquals(Action.BLOCK_OVERRIDABLE, overridden.action());
        assertEquals(blocked.file().sha256(), overridden.file().sha256());
        assertTrue(hold.wasHeld(file));
        assertFalse(hold.isHeld(file), "released at the override, long before the dialog's time");
        assertTrue(overridden.note().contains("60 s"), overridden.note());

        // The user sends again from a new dialog within the minute: let through, no second popup.
        RecordedPickerTrace again = RecordedPickerTrace.loadAsNewDialog("trace-weixin-pick-one.json",
                RecordedPickerTrace.windowsHomeAt(home), 0x100000);
        again.start(selectionsOf(trace));
        again.replay();
        Judgement j = judgements.awaitCarriedOut(2);
        assertEquals(Action.ALLOW, j.action());
        assertEquals(List.of("override"), notifier.shown);
        assertEquals(2, events.size(), "nothing more logged: " + events);
        assertFalse(hold.isHeld(file));
    }

    @Test
    void aProgramThatIsNoDestinationIsIgnoredWhileABrowserIsJudged() throws IOException {
        Path notice = secretNotice("通知.docx");
        Path annex = secretNotice("附件一.docx");
        RecordedPickerTrace notepad = trace("trace-notepad-pick-one.json");
        RecordedPickerTrace chrome = trace("trace-chrome-multi-select-en.json");
        FilePickerWatch both = new FilePickerWatch() {
            @Override
            public void start(java.util.function.Consumer<PickerSelection> onSelection) {
                notepad.start(onSelection);
                chrome.start(onSelection);
            }

            @Override
            public void close() {
            }
        };
        GuardContext context = new GuardContext(new ScannerAdapter(Scanners.forFiles(Baseline::engine, false)),
                DEFAULT_POLICY, events::add, notifier, Clock.systemDefaultZone());
        Judgements judgements = Judgements.on(context);
        guard = UploadGuard.builder().watch(() -> both).hold(hold)
                .destinations(new DestinationProcesses(ExternalApps::defaults)::destinationOf)
                .grants(new OverrideGrants(Clock.systemDefaultZone())).context(context).build();
        guard.start();
        notepad.replay(); // first: the channel's single thread judges in order
        chrome.replay();

        judgements.awaitCarriedOut(2);
        assertEquals(2, judgements.count(), "only the browser's two files were judged");
        assertEquals(2, events.size());
        assertTrue(events.stream().allMatch(e -> e.destinationApp().equals("browser (chrome.exe)")), events.toString());
        assertTrue(hold.isHeld(notice) && hold.isHeld(annex), "both files of the multiple selection held");
        assertEquals(2, events.stream().map(e -> e.file().name()).distinct().count());
    }

    @Test
    void aCleanFilePassesUntouched() throws IOException {
        Path file = document("通知.docx", "关于组织春季运动会的通知", "各部门：定于四月举行春季运动会。");
        RecordedPickerTrace trace = trace("trace-weixin-pick-one.json");
        Judgements judgements = start(trace, DEFAULT_POLICY, Duration.ofMinutes(1));
        trace.replay();

        assertEquals(Action.ALLOW, judgements.awaitCarriedOut(1).action());
        assertFalse(hold.wasHeld(file));
        assertEquals(List.of(), notifier.shown);
        assertEquals(List.of(), events);
    }

    @Test
    void aFileThatCannotBeHeldIsWarnedAboutAndLoggedAsNotHeld() throws IOException {
        Path file = secretNotice("通知.docx");
        hold.refuse = "another program has the file open already (sharing violation)";
        RecordedPickerTrace trace = trace("trace-weixin-pick-one.json");
        Judgements judgements = start(trace, DEFAULT_POLICY, Duration.ofMinutes(1));
        trace.replay();

        judgements.awaitCarriedOut(1);
        assertEquals(List.of("warn"), notifier.shown, "no popup claims a block that did not happen");
        GuardEvent e = events.get(0);
        assertEquals(GuardEvent.Outcome.WARNED, e.outcome());
        assertEquals(Action.BLOCK, e.action(), "the action the policy wanted");
        assertTrue(e.note().contains("could not be held") && e.note().contains("sharing violation"), e.note());
        assertFalse(hold.isHeld(file));
        assertEquals(ContentHash.of(Files.readAllBytes(file)), e.file().sha256());
    }

    @Test
    void aFileOpenForAMomentElsewhereIsHeldOnASecondTry() throws IOException {
        Path file = secretNotice("通知.docx");
        hold.refuse = "another program has the file open already (sharing violation)";
        hold.refuseTimes = 1;
        RecordedPickerTrace trace = trace("trace-weixin-pick-one.json");
        Judgements judgements = start(trace, DEFAULT_POLICY, Duration.ofMinutes(1));
        trace.replay();

        judgements.awaitCarriedOut(1);
        assertEquals(List.of("block"), notifier.shown);
        assertEquals(GuardEvent.Outcome.BLOCKED, events.get(0).outcome());
        assertTrue(hold.isHeld(file));
    }

    @Test
    void stoppingTheChannelNeverLeavesAFileHeld() throws IOException {
        Path file = secretNotice("通知.docx");
        RecordedPickerTrace trace = trace("trace-weixin-pick-one.json");
        Judgements judgements = start(trace, DEFAULT_POLICY, Duration.ofMinutes(1));
        trace.replay();
        judgements.awaitCarriedOut(1);
        assertTrue(hold.isHeld(file));

        guard.stop();
        assertFalse(hold.isHeld(file));
        assertEquals(ChannelHealth.State.STOPPED, guard.health().state());
    }

    @Test
    void aDesktopWithoutPickerWatchMakesTheChannelDownWithItsReason() {
        FilePickerWatch none = new FilePickerWatch() {
            @Override
            public void start(java.util.function.Consumer<PickerSelection> onSelection) {
                throw new PlatformUnavailableException(Limitation.FILE_PICKER_UNAVAILABLE, "no hook");
            }

            @Override
            public void close() {
            }
        };
        GuardContext context = new GuardContext(new ScannerAdapter(Scanners.forFiles(Baseline::engine, false)),
                DEFAULT_POLICY, events::add, notifier, Clock.systemDefaultZone());
        guard = UploadGuard.builder().watch(() -> none).hold(hold).destinations(x -> Optional.of("WeChat"))
                .grants(new OverrideGrants(Clock.systemDefaultZone())).context(context).build();
        guard.start();
        assertEquals(ChannelHealth.State.DOWN, guard.health().state());
        assertEquals(List.of("file-picker-unavailable"), guard.health().problems());
    }

    /** The share-mode-0 hold's stand-in: records holds and releases; refuses when told, as Windows does. */
    private static final class RecordingHold implements FileHold {
        private final List<Path> everHeld = Collections.synchronizedList(new ArrayList<>());
        private final List<Path> heldNow = Collections.synchronizedList(new ArrayList<>());
        volatile String refuse;
        /** Refusals left before holds succeed (a preview handler that lets go of the file). */
        volatile int refuseTimes = Integer.MAX_VALUE;

        @Override
        public Result hold(Path file) {
            if (refuse != null && refuseTimes-- > 0) {
                return new NotHeld(refuse);
            }
            everHeld.add(file);
            heldNow.add(file);
            return new Held() {
                private boolean released;

                @Override
                public Path file() {
                    return file;
                }

                @Override
                public synchronized void release() {
                    if (!released) {
                        released = true;
                        heldNow.remove(file);
                    }
                }
            };
        }

        boolean isHeld(Path file) {
            return heldNow.contains(file);
        }

        boolean wasHeld(Path file) {
            return everHeld.contains(file);
        }
    }
}
