package org.secrecyguard.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import org.secrecyguard.platform.OsFamily;
import org.secrecyguard.platform.Platforms;

/**
 * Starts the resident tray application: one instance per user session (a second start asks the
 * first to show its window and exits), configuration and rolling log in the user's data folder,
 * then the guard. The process lives until an admin exit.
 */
final class TrayAppLauncher {
    private static final Logger LOG = Logger.getLogger(TrayAppLauncher.class.getName());

    private TrayAppLauncher() {
    }

    static void launch() {
        Path dataDir = AppConfig.defaultDataDir(OsFamily.current(), System.getenv(),
                System.getProperty("user.home"), Optional.ofNullable(System.getProperty(AppConfig.DATA_DIR_PROPERTY))
                        .orElse(System.getenv("SECRECY_GUARD_HOME")));
        AtomicReference<GuardApp> running = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Optional<SiteSettings> site = SiteSettings.installed();
            AppConfig config = site.isPresent() ? site.get().forUser(dataDir) : AppConfig.load(dataDir);
            Optional<SingleInstance> instance = SingleInstance.acquire(dataDir, () -> {
                try {
                    ready.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                GuardApp app = running.get();
                if (app != null) {
                    app.bringToFront();
                }
            });
            if (instance.isEmpty()) {
                System.out.println("SecrecyGuard is already running for this user; its window was brought to the front.");
                return;
            }
            Path logs = LogSetup.install(dataDir);
            ResidentTuning.apply();
            LOG.info(() -> "starting; data folder " + dataDir + ", logs " + logs);
            SingleInstance lock = instance.get();
            GuardApp app = GuardApp.start(config, Platforms.detect(), Clock.systemDefaultZone(), () -> {
                lock.close();
                Platform.exit();
                System.exit(0);
            });
            running.set(app);
            ready.countDown();
            LOG.info("SecrecyGuard running");
        } catch (IOException e) {
            System.err.println("SecrecyGuard cannot start: " + e.getMessage());
            LOG.log(Level.SEVERE, "start failed", e);
            System.exit(2);
        }
    }
}
