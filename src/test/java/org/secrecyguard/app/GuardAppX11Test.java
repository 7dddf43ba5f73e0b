package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secrecyguard.events.Event;
import org.secrecyguard.events.EventFilter;
import org.secrecyguard.events.EventKind;
import org.secrecyguard.events.EventLog;
import org.secrecyguard.platform.Platforms;
import org.secrecyguard.testing.Xclip;
import org.secrecyguard.ui.EventRow;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole resident guard in this JVM on a real X server: X11 XFixes watch, AWT clipboard, the
 * built-in marking rules, the SQLite event log, the status window and real popups. xclip copies and
 * pastes as the user's other applications would.
 */
class GuardAppX11Test {
    static final String SECRET_PARAGRAPH = "机密★1年\n关于2026年度某专项工作的实施方案\n各有关单位：现将方案印发给你们，请认真贯彻执行。";
    static final String PUBLIC_PARAGRAPH = "关于开展全民健身活动的通知\n欢迎各位同事报名参加，报名截止到本周五。";
    static Path home;
    static GuardApp app;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        assumeTrue(Xclip.available(), "runs under xvfb-run with xclip installed (CI runs every test there)");
        FxToolkit.registerPrimaryStage();
        home = Files.createTempDirectory("sg-app");
        Files.writeString(home.resolve(AppConfig.FILE), "ui.systemTray=false\npopup.warn.seconds=3\n");
        app = GuardApp.start(AppConfig.load(home), Platforms.detect(), Clock.systemDefaultZone(), () -> { });
    }

    @AfterAll
    static void stopApp() throws Exception {
        if (app != null) {
            app.close();
            FxToolkit.cleanupStages();
        }
    }

    @BeforeEach
    void cleanClipboard() throws Exception {
        Xclip.resetTo("start " + System.nanoTime(), java.awt.Toolkit.getDefaultToolkit().getSystemClipboard());
        FxToolkit.cleanupStages();
        app.ui().bringToFront();
    }

    @Test
    void markedParagraphIsBlockedLoggedAndExplainedWithinOneSecond() throws Exception {
        long start = System.nanoTime();
        Xclip.putText(SECRET_PARAGRAPH);
        String pasted = pasteWhen(s -> s.startsWith("【保密卫士】"), 1000);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("【保密卫士】剪贴板内容含机密标志，已被拦截。", pasted);
        assertTrue(millis < 1000, "clipboard replaced after " + millis + " ms");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#popup-level").tryQuery().isPresent());
        assertEquals("机密", robot.lookup("#popup-level").queryAs(Label.class).getText());
        assertEquals("机密★1年", robot.lookup("#popup-evidence").queryAs(Label.class).getText());

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !app.history().recent(10).isEmpty());
        EventRow row = app.history().recent(10).get(0);
        assertEquals("BLOCKED", row.outcome());
        assertEquals("text", row.contentKind());
        assertEquals(List.of("机密★1年"), row.evidence());

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#status-state").tryQuery()
                .map(n -> ((Label) n).getText().equals("刚刚拦截了涉密内容")).orElse(false));
        // The lookup above finds the popup's nodes as soon as its stage exists; click once it is on screen.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#popup-ack").match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        robot.clickOn("#popup-ack");
    }

    @Test
    void eventLogOnDiskHoldsTheDecisionButNotTheText() throws Exception {
        Xclip.putText(SECRET_PARAGRAPH.replace("2026", "2027"));
        pasteWhen(s -> s.startsWith("【保密卫士】"), 2000);
        app.close(); // flushes and closes the database, as an admin exit would
        try (EventLog log = EventLog.open(home.resolve("events.db"))) {
            List<Event> detections = log.query(EventFilter.ALL.kind(EventKind.DETECTION));
            assertFalse(detections.isEmpty());
            Event e = detections.get(detections.size() - 1);
            assertEquals("clipboard", e.channel());
            assertEquals("BLOCK", e.action());
            assertTrue(log.query(EventFilter.ALL.kind(EventKind.AGENT_STARTED)).size() >= 1);
            assertTrue(log.query(EventFilter.ALL.kind(EventKind.AGENT_STOPPED)).size() >= 1);
        }
        byte[] db = Files.readAllBytes(home.resolve("events.db"));
        String raw = new String(db, java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(raw.contains("专项工作"), "the copied text is not in the database");
        assertTrue(raw.contains("机密★1年"), "the marking itself is evidence");
        // Start again for the other tests.
        app = GuardApp.start(AppConfig.load(home), Platforms.detect(), Clock.systemDefaultZone(), () -> { });
        Xclip.resetTo("restart", java.awt.Toolkit.getDefaultToolkit().getSystemClipboard());
    }

    @Test
    void publicParagraphStaysOnTheClipboard() throws Exception {
        org.secrecyguard.channel.Judgements judgements = org.secrecyguard.channel.Judgements.on(app.context());
        int before = app.history().recent(100).size();
        Xclip.putText(PUBLIC_PARAGRAPH);
        org.secrecyguard.channel.Judgement j = judgements.await(x -> x.transfer().channel()
                == org.secrecyguard.policy.Channel.CLIPBOARD && !x.waiting(), "the copy was judged");
        assertEquals(org.secrecyguard.policy.Action.ALLOW, j.action());
        assertEquals(PUBLIC_PARAGRAPH, Xclip.readText());
        assertEquals(before, app.history().recent(100).size());
    }

    @Test
    void photographedMarkedPageIsCaughtThroughOcr() throws Exception {
        BufferedImage page = markedPage();
        long start = System.nanoTime();
        Xclip.putImage(page);
        String pasted = pasteWhen(s -> s.startsWith("【保密卫士】"), 20_000);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("【保密卫士】剪贴板内容含机密标志，已被拦截。", pasted, "after " + millis + " ms");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !app.history().recent(10).isEmpty()
                && app.history().recent(10).get(0).contentKind().equals("image"));
        EventRow row = app.history().recent(10).get(0);
        assertEquals("BLOCKED", row.outcome());
        assertEquals(org.secrecyguard.engine.Level.SECRET, row.level());
        System.out.println("picture copied -> clipboard replaced after " + millis + " ms (OCR)");
    }

    /** A page as a phone photo or screenshot would show it: copy number, marking, red issuer line. */
    static BufferedImage markedPage() {
        BufferedImage img = new BufferedImage(1000, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1000, 700);
        g.setColor(Color.BLACK);
        g.setFont(new Font("Noto Sans CJK SC", Font.PLAIN, 36));
        g.drawString("000123", 80, 90);
        g.drawString("机密★1年", 80, 150);
        g.drawString("特急", 80, 210);
        g.setColor(new Color(200, 0, 0));
        g.setFont(new Font("Noto Serif CJK SC", Font.BOLD, 64));
        g.drawString("某某省人民政府文件", 200, 330);
        g.fillRect(80, 380, 840, 6);
        g.setColor(Color.BLACK);
        g.setFont(new Font("Noto Sans CJK SC", Font.PLAIN, 30));
        g.drawString("关于2026年度某专项工作的实施方案", 160, 460);
        g.dispose();
        return img;
    }

    @Test
    void statusWindowSaysTheTrayIsReplaced() throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#status-no-tray").tryQuery().isPresent());
        assertEquals("系统托盘不可用，已改用状态窗口", robot.lookup("#status-no-tray").queryAs(Label.class).getText());
        assertEquals("规则版本：baseline", robot.lookup("#status-rules").queryAs(Label.class).getText());
    }

    private static String pasteWhen(java.util.function.Predicate<String> ok, long timeoutMillis) throws Exception {
        long end = System.nanoTime() + Duration.ofMillis(timeoutMillis).toNanos();
        String text = Xclip.readText();
        while (!ok.test(text) && System.nanoTime() < end) {
            Thread.sleep(20);
            text = Xclip.readText();
        }
        return text;
    }
}
