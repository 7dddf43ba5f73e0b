package org.secrecyguard.channel.clipboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.secrecyguard.channel.GuardContext;
import org.secrecyguard.channel.Judgement;
import org.secrecyguard.channel.Judgements;
import org.secrecyguard.platform.ForegroundWindow;
import org.secrecyguard.policy.Action;
import org.secrecyguard.testing.Await;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.channel.clipboard.GuardFixtures.EngineScanner;
import org.secrecyguard.channel.clipboard.GuardFixtures.RecordingEvents;
import org.secrecyguard.channel.RecordingNotifier;
import org.secrecyguard.platform.AwtSystemClipboard;
import org.secrecyguard.platform.linux.X11ClipboardWatch;
import org.secrecyguard.platform.linux.X11ForegroundWindow;
import org.secrecyguard.testing.FakeWindowManager;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.testing.Xclip;

/**
 * The clipboard guard on a real X server: xclip copies as another application would, the XFixes watch
 * notices, the AWT clipboard is read and replaced, and xclip pastes what a chat window would get.
 */
class ClipboardGuardX11Test {
    final RecordingEvents events = new RecordingEvents();
    final RecordingNotifier notifier = new RecordingNotifier();
    X11ForegroundWindow foreground;
    final java.util.concurrent.atomic.AtomicInteger looks = new java.util.concurrent.atomic.AtomicInteger();
    Judgements judgements;
    ClipboardGuard guard;

    @BeforeEach
    void startGuard() throws Exception {
        assumeTrue(Xclip.available(), "runs under xvfb-run with xclip installed (CI runs every test there)");
        Xclip.resetTo("start", java.awt.Toolkit.getDefaultToolkit().getSystemClipboard());
        foreground = new X11ForegroundWindow();
        GuardContext context = new GuardContext(new EngineScanner(Baseline.engine()), GuardFixtures.REAL_POLICY,
                events, notifier, java.time.Clock.systemDefaultZone());
        judgements = Judgements.on(context);
        ForegroundWindow lookCounting = () -> {
            looks.incrementAndGet();
            return foreground.current();
        };
        guard = ClipboardGuard.builder().watch(X11ClipboardWatch::new).clipboard(new AwtSystemClipboard())
                .foreground(lookCounting).context(context).build();
        guard.start();
    }

    @AfterEach
    void stopGuard() {
        if (guard != null) {
            guard.stop();
            foreground.close();
        }
    }

    @Test
    void markedTextIsReplacedByTheNoticeWithinOneSecond() throws Exception {
        long start = System.nanoTime();
        Xclip.putText(ClipboardGuardTest.SECRET_TEXT);
        String pasted = pasteWhen(s -> s.startsWith(ClipboardNotice.TAG), 1000);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("【保密卫士】剪贴板内容含机密标志，已被拦截。", pasted);
        assertTrue(millis < 1000, "took " + millis + " ms");
        assertEquals(1, events.snapshot().size());
        assertEquals(GuardEvent.Outcome.BLOCKED, events.snapshot().get(0).outcome());
    }

    @Test
    void theSameSecretCopiedAgainIsBlockedAgain() throws Exception {
        Xclip.putText(ClipboardGuardTest.SECRET_TEXT);
        pasteWhen(s -> s.startsWith(ClipboardNotice.TAG), 2000);
        // Now this JVM owns the clipboard; the next copy races with AWT noticing it lost ownership.
        Xclip.putText(ClipboardGuardTest.SECRET_TEXT);
        ClipboardGuardTest.await(() -> events.snapshot().size() == 2);
        assertTrue(Xclip.readText().startsWith(ClipboardNotice.TAG));
    }

    @Test
    void publicTextStaysOnTheClipboard() throws Exception {
        Xclip.putText(ClipboardGuardTest.PUBLIC_TEXT);
        assertEquals(Action.ALLOW, judgements.awaitCarriedOut(1).action());
        assertEquals(ClipboardGuardTest.PUBLIC_TEXT, Xclip.readText());
        assertTrue(events.snapshot().isEmpty());
    }

    @Test
    void internalTextIsFlaggedWhenWeChatComesToFront(@TempDir Path dir) throws Exception {
        try (FakeWindowManager wm = new FakeWindowManager(dir)) {
            wm.activate("wps", "文档1 - WPS 文字");
            Xclip.putText(ClipboardGuardTest.WORK_SECRET_TEXT);
            judgements.await(Judgement::waiting, "work secret held until it heads out");
            int looked = looks.get();
            Await.until(() -> looks.get() >= looked + 2, "the guard looked at the editor in front");
            assertTrue(events.snapshot().isEmpty(), "still in the editor: nothing happens");
            assertEquals(ClipboardGuardTest.WORK_SECRET_TEXT, Xclip.readText());

            wm.activate("wechat", "微信");
            String pasted = pasteWhen(s -> s.startsWith(ClipboardNotice.TAG), 2000);
            assertEquals("【保密卫士】剪贴板内容含工作秘密标志，已被拦截。", pasted,
                    () -> "foreground seen: " + foreground.current());
            assertEquals("wechat", events.snapshot().get(0).destinationApp());
        }
    }

    private static String pasteWhen(java.util.function.Predicate<String> ok, long timeoutMillis) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        String text = Xclip.readText();
        while (!ok.test(text) && System.nanoTime() < end) {
            Thread.sleep(20);
            text = Xclip.readText();
        }
        return text;
    }
}
