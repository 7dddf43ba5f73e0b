package org.secrecyguard.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.channel.EventSink;
import org.secrecyguard.channel.ScannerAdapter;
import org.secrecyguard.channel.TransferPolicy;
import org.secrecyguard.events.EventKind;
import org.secrecyguard.events.EventLog;
import org.secrecyguard.events.Uploader;
import org.secrecyguard.events.UploaderConfig;
import org.secrecyguard.onaccess.OnAccessGuard;
import org.secrecyguard.onaccess.TrayLink;
import org.secrecyguard.platform.FileAccessGate;
import org.secrecyguard.platform.Platforms;
import org.secrecyguard.platform.ServiceManager;
import org.secrecyguard.policy.TimeContext;
import org.secrecyguard.scan.ProductVersion;
import org.secrecyguard.scan.Scanner;
import org.secrecyguard.scan.Scanners;

/**
 * The system service's wiring: rules (as the tray app takes them: signed bundles, a local database or
 * the baseline), the service's own event log and uploader, the socket to the users' tray apps, and the
 * on-access guard over the given filesystems. When the watchdog finds the guard stalled, the opens are
 * let through, the stall is logged, and the process exits for systemd to start it again.
 */
final class GuardService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GuardService.class.getName());
    /** Exit status after a stall: systemd's Restart=always starts the service again. */
    static final int STALLED_EXIT = 75;

    private volatile RulesWiring rules; // set once, after the log it reports to
    private final EventLog eventLog;
    private final LoggedEvents logged;
    private final Uploader uploader;
    private final Scanner scanner;
    private final TrayLink trays;
    private final OnAccessGuard guard;
    private final TrayAppWatch trayWatch;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Path home;
    private final ServiceManager manager = Platforms.newServiceManager();

    private GuardService(AppConfig config, List<Path> roots, FileAccessGate gate, Runnable exitAfterStall)
            throws IOException {
        this.home = config.dataDir();
        this.eventLog = EventLog.open(config.dataDir().resolve("events.db"));
        this.uploader = config.collectorUrl().isBlank() ? null
                : new Uploader(eventLog, UploaderConfig.defaults(java.net.URI.create(config.collectorUrl().trim()))
                .withAgentToken(config.collectorToken()));
        this.logged = new LoggedEvents(eventLog, () -> rules == null ? "baseline" : rules.versionLabel(),
                uploader == null ? () -> { } : uploader::wake);
        this.rules = new RulesWiring(config, this::system);
        this.scanner = Scanners.forFiles(() -> rules.current().engine(), true);
        this.trays = TrayLink.on(Platforms.serviceChannels().listen(config.serviceSocket().isEmpty()
                ? AppConfig.DEFAULT_SERVICE_SOCKET : config.serviceSocket()));
        TransferPolicy policy = (verdict, transfer, time) -> rules.current().policy().decide(verdict,
                transfer.channel(), transfer.destinationApp(), new TimeContext(time));
        EventSink events = logged;
        this.trayWatch = new TrayAppWatch(Platforms.newSessionLauncher(trayCommand()), (user, detail) -> {
            try {
                logged.system(EventKind.AGENT_STOPPED, user, detail);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "event log failed", e);
            }
        }, Clock.systemDefaultZone());
        trays.watch(trayWatch);
        this.guard = OnAccessGuard.builder().gate(gate).roots(roots).scanner(new ScannerAdapter(scanner))
                .policy(policy).externalApps(() -> rules.current().policy().config().externalApps())
                .events(events).notifiers(trays::forUser).clock(Clock.systemDefaultZone())
                .onStall(() -> stalled(exitAfterStall)).healthy(manager::alive).build();
    }

    /** Starts the service with the OS's gate; exits the process after a stall. */
    static GuardService start(AppConfig config, List<Path> roots) throws IOException {
        return start(config, roots, Platforms.newFileAccessGate(), () -> Runtime.getRuntime().halt(STALLED_EXIT));
    }

    static GuardService start(AppConfig config, List<Path> roots, FileAccessGate gate, Runnable exitAfterStall)
            throws IOException {
        GuardService s = new GuardService(config, roots, gate, exitAfterStall);
        if (s.uploader != null) {
            s.uploader.start();
        }
        s.system(EventKind.AGENT_STARTED, "guard service " + ProductVersion.current() + ", watching " + roots);
        try {
            s.guard.start();
        } catch (org.secrecyguard.platform.PlatformUnavailableException e) {
            if (!org.secrecyguard.platform.OsFamily.current().isWindows()) {
                throw e; // Linux: a service without its gate is broken; systemd starts it again
            }
            // Windows has no on-access gate (the tray apps watch upload pickers instead): the service still
            // keeps the rules, its event log and uploader, and the tamper watch.
            s.system(EventKind.CHANNEL_DOWN, "on-access guard unavailable: " + e.getMessage());
        }
        s.manager.ready("guarding " + roots.size() + " file systems");
        return s;
    }

    /**
     * How the tray app is started in a user's session: {@code -Dsecrecyguard.trayCommand} (the .deb
     * sets {@code /usr/bin/secrecy-guard}, the MSI the tray launcher {@code SecrecyGuard.exe}), else the
     * jpackage launcher this service runs from (without arguments it is the tray app), else this very
     * runtime and class path without a subcommand.
     */
    static List<String> trayCommand() {
        return trayCommand(System.getProperty("secrecyguard.trayCommand", ""), System.getProperty("jpackage.app-path", ""),
                ProcessHandle.current().info().command().orElse("java"), System.getProperty("java.class.path"));
    }

    static List<String> trayCommand(String property, String jpackageLauncher, String runtime, String classPath) {
        String configured = property.trim();
        if (!configured.isEmpty()) {
            // One program file whose path has spaces ("C:\Program Files\SecrecyGuard\SecrecyGuard.exe", the
            // MSI's) is taken whole; otherwise the words are the program and its arguments.
            try {
                Path whole = Path.of(configured).normalize();
                if (java.nio.file.Files.isRegularFile(whole)) {
                    return List.of(whole.toString());
                }
            } catch (java.nio.file.InvalidPathException words) {
                // not one path: a command with arguments
            }
            return List.of(configured.split("\\s+"));
        }
        if (!jpackageLauncher.isBlank()) {
            // A native launcher takes no JVM options on its command line: "-cp" would reach the CLI.
            return List.of(jpackageLauncher);
        }
        return List.of(runtime, "-cp", classPath, Main.class.getName());
    }

    String rulesVersion() {
        return rules.versionLabel();
    }

    TrayLink trays() {
        return trays;
    }

    /** The service's log as the history window reads it (tests). */
    org.secrecyguard.ui.HistorySource history() {
        return logged;
    }

    private void stalled(Runnable exit) {
        // The gate is closed already, so nothing waits on this: record it if the log answers in time.
        Thread record = new Thread(() -> system(EventKind.CHANNEL_DOWN,
                "on-access guard stalled: opens let through, service restarting"), "stall-record");
        record.setDaemon(true);
        record.start();
        try {
            record.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exit.run();
    }

    private void system(EventKind kind, String detail) {
        try {
            logged.system(kind, detail);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "event log failed", e);
        }
    }

    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        // Taken before anything is torn down: root's reason must not depend on how the rest stops.
        String reason = StopReason.take(home);
        manager.stopping();
        guard.close();
        trays.close();
        trayWatch.close();
        system(EventKind.AGENT_STOPPED, reason.isEmpty() ? "guard service stopped" : "guard service stopped: " + reason);
        scanner.close();
        rules.close();
        if (uploader != null) {
            uploader.close();
        }
        eventLog.close();
        stopped.countDown();
    }
}
