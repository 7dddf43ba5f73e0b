package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The whole resident guard with a folder standing for a plugged-in USB stick: a marked Word file copied
 * onto it is taken off into the quarantine, a real popup explains it, and the event log on disk holds
 * the file's and the device's facts but not the text.
 */
class GuardAppDriveX11Test {
    static Path home;
    static Path stick;
    static GuardApp app;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        assumeTrue(Xclip.available(), "runs under xvfb-run with xclip installed (CI runs every test there)");
        FxToolkit.registerPrimaryStage();
        home = Files.createTempDirectory("sg-drive");
        stick = Files.createDirectories(home.resolve("media/user/KINGSTON"));
        Files.writeString(home.resolve(AppConfig.FILE), "ui.systemTray=false\npopup.warn.seconds=3\nwatch.poll.millis=200\n");
        FolderDrives drives = new FolderDrives();
        drives.plugIn(stick, "KINGSTON");
        app = GuardApp.start(AppConfig.load(home), Platforms.detect().withRemovableMedia(drives),
                Clock.systemDefaultZone(), () -> { });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.drive().watchedVolumes().size() == 1);
    }

    @AfterAll
    static void stopApp() throws Exception {
        if (app != null) {
            app.close();
            FxToolkit.cleanupStages();
        }
    }

    @Test
    void markedWordFileCopiedToTheStickIsTakenOffExplainedAndLogged() throws Exception {
        byte[] docx = docx("000123", "机密★1年", "关于2026年度某专项工作的实施方案", "各有关单位：现将方案印发给你们。");
        Path copy = stick.resolve("实施方案.docx");
        Files.write(copy, docx);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#popup-level").tryQuery().isPresent());
        assertEquals("机密", robot.lookup("#popup-level").queryAs(Label.class).getText());
        assertEquals("机密★1年", robot.lookup("#popup-evidence").queryAs(Label.class).getText());
        assertEquals("USB 0951:1666 E0D55EA573E8F6B1C9860B4F (KINGSTON)",
                robot.lookup("#popup-destination").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#popup-advice").queryAs(Label.class).getText().contains("隔离区"),
                "the user is told where the copy went");
        assertFalse(Files.exists(copy), "taken off the stick");
        try (Stream<Path> kept = Files.list(home.resolve("quarantine"))) {
            List<Path> files = kept.toList();
            assertEquals(1, files.size());
            assertTrue(files.get(0).getFileName().toString().endsWith("实施方案.docx"));
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !app.history().recent(10).isEmpty());
        EventRow row = app.history().recent(10).get(0);
        assertEquals("BLOCKED", row.outcome());
        assertEquals("files", row.contentKind());
        // Acknowledge through the button itself: a robot click here was flaky under Xvfb (the node seen
        // visible, then "no nodes were visible" at the click), and what matters is that it closes the popup.
        javafx.scene.control.Button ack = robot.lookup("#popup-ack").queryButton();
        robot.interact(ack::fire);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ack.getScene() == null || ack.getScene().getWindow() == null
                || !ack.getScene().getWindow().isShowing());

        app.close(); // flushes the log
        try (EventLog log = EventLog.open(home.resolve("events.db"))) {
            Event e = log.query(EventFilter.ALL.kind(EventKind.DETECTION)).get(0);
            assertEquals("removable_drive", e.channel());
            assertEquals("BLOCK", e.action());
            assertEquals("实施方案.docx", e.file().name());
            assertEquals(docx.length, e.file().size());
            assertEquals("0951", e.device().vendor());
            assertEquals("E0D55EA573E8F6B1C9860B4F", e.device().serial());
        }
        String raw = new String(Files.readAllBytes(home.resolve("events.db")), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(raw.contains("专项工作"), "the document's text is not in the log");
        app = null;
    }

    static byte[] docx(String... paragraphs) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }
}
