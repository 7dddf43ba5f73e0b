package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.secrecyguard.channel.Judgements;
import org.secrecyguard.events.EventFilter;
import org.secrecyguard.events.EventKind;
import org.secrecyguard.events.EventLog;
import org.secrecyguard.platform.Platforms;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.testing.Await;
import org.secrecyguard.testing.Xclip;
import org.secrecyguard.ui.GuardState;
import org.testfx.api.FxToolkit;

/**
 * One channel that throws at start-up (here the clipboard's native watch, as a missing or broken
 * native library would) must not take the app down: the other channels guard, the tray says
 * "degraded" with the reason, and the log records the channel as down.
 */
class GuardAppBrokenChannelX11Test {
    static Path home;
    static Path stick;
    static GuardApp app;

    @BeforeAll
    static void startApp() throws Exception {
        assumeTrue(Xclip.available(), "runs under xvfb-run with xclip installed (CI runs every test there)");
        FxToolkit.registerPrimaryStage();
        home = Files.createTempDirectory("sg-broken");
        stick = Files.createDirectories(home.resolve("media/user/KINGSTON"));
        Files.writeString(home.resolve(AppConfig.FILE), "ui.systemTray=false\npopup.warn.seconds=3\nwatch.poll.millis=200\n");
        FolderDrives drives = new FolderDrives();
        drives.plugIn(stick, "KINGSTON");
        Platforms broken = Platforms.detect().withRemovableMedia(drives).withClipboardWatch(() -> {
            throw new UnsatisfiedLinkError("libXfixes.so.3: cannot open shared object file");
        });
        app = GuardApp.start(AppConfig.load(home), broken, Clock.systemDefaultZone(), () -> { });
    }

    @AfterAll
    static void stopApp() throws Exception {
        if (app != null) {
            app.close();
            FxToolkit.cleanupStages();
        }
    }

    @Test
    void theOtherChannelsGuardAndTheTraySaysWhatIsDown() throws Exception {
        List<String> problems = app.status().current().problems();
        assertTrue(problems.contains(IsolatedChannel.startFailed(Channel.CLIPBOARD)), problems.toString());
        assertEquals(GuardState.DEGRADED, app.status().current().state());

        Judgements judgements = Judgements.on(app.context());
        Await.until(() -> app.drive().watchedVolumes().size() == 1, "the drive channel runs");
        Files.writeString(stick.resolve("请示.txt"), "机密★1年\n关于某事项的请示", StandardCharsets.UTF_8);
        assertEquals(Action.BLOCK, judgements.awaitCarriedOut(1).action(), "the stick is still guarded");
        assertFalse(Files.exists(stick.resolve("请示.txt")));

        app.close();
        try (EventLog log = EventLog.open(home.resolve("events.db"))) {
            assertTrue(log.query(EventFilter.ALL.kind(EventKind.CHANNEL_DOWN)).stream()
                    .anyMatch(e -> e.toString().contains("clipboard-start-failed")), "the log says which channel is down");
        }
        app = null;
    }
}
