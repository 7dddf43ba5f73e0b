package org.secrecyguard.channel.screenshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.channel.RecordingNotifier;
import org.secrecyguard.channel.ScannerAdapter;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Level;
import org.secrecyguard.platform.ForegroundWindow;
import org.secrecyguard.platform.NativeHookScreenshotKeys;
import org.secrecyguard.platform.RobotScreenCapture;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Policy;
import org.secrecyguard.policy.TimeContext;
import org.secrecyguard.scan.Scanners;
import org.secrecyguard.testing.Xclip;
import org.secrecyguard.testing.Await;
import org.secrecyguard.channel.GuardContext;
import org.secrecyguard.channel.Judgements;
import org.secrecyguard.platform.ScreenshotKeys;
import java.util.concurrent.CountDownLatch;

/**
 * The screenshot guard on a real X server: the global key hook (jnativehook over XRecord), a real
 * window showing a marked page, xdotool pressing the keys as the user would, the screen captured with
 * AWT's Robot and read by the real OCR.
 */
class ScreenshotGuardX11Test {
    private final List<GuardEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final RecordingNotifier notifier = new RecordingNotifier();
    /** The combinations the key hook reported as screenshot keys, in order. */
    private final List<String> keysSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Judgements judgements;
    private ScreenshotGuard guard;
    private Frame page;

    @BeforeEach
    void setUp() {
        assumeTrue(Xclip.available(), "runs under xvfb-run with X tools installed (CI runs every test there)");
        java.util.logging.Logger.getLogger("com.github.kwhat.jnativehook").setLevel(java.util.logging.Level.WARNING);
        GuardContext context = new GuardContext(new ScannerAdapter(Scanners.forFiles(Baseline::engine, true)),
                (verdict, t, time) -> Policy.defaults().decide(verdict, t.channel(),
                        t.destinationApp().isEmpty() ? null : t.destinationApp(), new TimeContext(time)),
                events::add, notifier, java.time.Clock.systemDefaultZone());
        judgements = Judgements.on(context);
        guard = ScreenshotGuard.builder().keys(() -> recording(new NativeHookScreenshotKeys()))
                .screen(new RobotScreenCapture()).foreground(ForegroundWindow.UNKNOWN).context(context).build();
        guard.start();
    }

    @AfterEach
    void tearDown() {
        if (guard != null) {
            guard.stop();
        }
        if (page != null) {
            page.dispose();
        }
    }

    private ScreenshotKeys recording(ScreenshotKeys hook) {
        return new ScreenshotKeys() {
            @Override
            public void start(java.util.function.Consumer<String> onKey) {
                hook.start(combination -> {
                    keysSeen.add(combination);
                    onKey.accept(combination);
                });
            }

            @Override
            public void close() {
                hook.close();
            }
        };
    }

    private void show(String... lines) throws Exception {
        CountDownLatch painted = new CountDownLatch(1);
        page = new Frame("公文");
        page.setUndecorated(true);
        page.setBounds(0, 0, 1100, 420);
        page.add(new java.awt.Canvas() {
            @Override
            public void paint(Graphics g) {
                Graphics2D g2 = (Graphics2D) g;
                g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g2.setColor(Color.WHITE);
                g2.fillRect(0, 0, getWidth(), getHeight());
                g2.setColor(Color.BLACK);
                g2.setFont(new Font("Noto Sans CJK SC", Font.PLAIN, 40));
                for (int i = 0; i < lines.length; i++) {
                    g2.drawString(lines[i], 60, 80 + i * 70);
                }
                painted.countDown();
            }
        });
        page.setVisible(true);
        assertTrue(painted.await(10, TimeUnit.SECONDS), "the page was painted");
        java.awt.EventQueue.invokeAndWait(() -> java.awt.Toolkit.getDefaultToolkit().sync()); // on the X server
    }

    private static void press(String keys) throws Exception {
        Process p = new ProcessBuilder("xdotool", "key", keys).inheritIO().start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    }

    @Test
    void printScreenWithAMarkedPageOnScreenWarnsAndLogs() throws Exception {
        assertEquals(ChannelHealth.State.UP, guard.health().state(), "the key hook runs: " + guard.health());
        show("000123", "机密★1年", "关于2026年度某专项工作的实施方案");
        press("Print");
        await(() -> !events.isEmpty(), "the screen was checked");
        GuardEvent e = events.get(0);
        assertEquals(Level.SECRET, e.verdict().highest().orElseThrow());
        assertEquals(GuardEvent.Outcome.WARNED, e.outcome());
        assertEquals(Action.BLOCK, e.action(), "what the policy wanted");
        assertTrue(e.note().contains("PrintScreen") && e.note().contains("cannot be stopped"), e.note());
        assertEquals(List.of("warn"), notifier.shown);
        assertEquals(Action.WARN, notifier.alerts.get(0).action(), "the popup does not claim a block");
    }

    @Test
    void weChatsScreenshotKeyOverAPublicPageSaysNothing() throws Exception {
        show("关于开展全民健身活动的通知", "欢迎各位同事报名参加。");
        press("alt+a");
        press("ctrl+a"); // select all: not a screenshot key
        assertEquals(Action.ALLOW, judgements.awaitCarriedOut(1).action(), "the screen was read and passed");
        assertTrue(events.isEmpty(), events.toString());
        assertTrue(notifier.shown.isEmpty());
        press("Print"); // keys arrive in order: had Ctrl+A counted, it would stand before this one
        Await.until(Duration.ofSeconds(30), () -> keysSeen.contains("PrintScreen"), "PrintScreen reported");
        assertEquals(List.of("Alt+A", "PrintScreen"), keysSeen);
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.until(Duration.ofSeconds(30), condition, what);
    }
}
