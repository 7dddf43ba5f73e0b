package org.secrecyguard.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.secrecyguard.channel.DefaultExternalApps;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.channel.clipboard.ClipboardGuard;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.platform.Platforms;
import org.secrecyguard.policy.AdminPin;
import org.secrecyguard.policy.DefaultPolicy;
import org.secrecyguard.scan.Scanner;
import org.secrecyguard.scan.Scanners;
import org.secrecyguard.ui.GuardControl;
import org.secrecyguard.ui.GuardUi;
import org.secrecyguard.ui.Messages;
import org.secrecyguard.ui.UiServices;

/**
 * The running guard: picks the desktop's adapters, builds the scanner, event log, policy and
 * channels, starts the UI, and carries out the tray menu's admin actions (pause, exit — both only
 * with the admin PIN). A channel that cannot start leaves the app running in the degraded state.
 */
public final class GuardApp implements GuardControl, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GuardApp.class.getName());
    static final Duration STATUS_PERIOD = Duration.ofSeconds(5);

    private final AppConfig config;
    private final Clock clock;
    private final Runnable onExit;
    private final Scanner scanner;
    private final RecentEvents events;
    private final GuardStatus status;
    private final GuardUi ui;
    private final ClipboardGuard clipboard;
    private final List<GuardChannel> channels;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "guard-status");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pauseEnd;

    private GuardApp(AppConfig config, Platforms platforms, Clock clock, Runnable onExit) {
        this.config = config;
        this.clock = clock;
        this.onExit = onExit;
        Messages messages = Messages.forLanguage(config.language());
        // Baseline rules until the rules store is wired (see the report in docs/benchmarks.md).
        this.scanner = Scanners.forFiles(Baseline::engine, true);
        this.events = new RecentEvents(2000);
        this.status = new GuardStatus(platforms.limitations(), () -> scanner.engine().rulesVersion(), clock);
        this.ui = GuardUi.start(new UiServices(messages, status, events, new ScannerFileChecker(scanner), this,
                clock, config.warnSeconds()), config.systemTray());
        PopupNotifier notifier = new PopupNotifier(ui, messages, status);
        this.clipboard = ClipboardGuard.builder()
                .watch(platforms::newClipboardWatch)
                .fallbackWatch(platforms::newPollingWatch)
                .clipboard(platforms.systemClipboard())
                .foreground(platforms.foregroundWindow())
                .scanner(new ScannerContent(scanner))
                .policy((verdict, channel, app, time) -> DefaultPolicy.outbound(verdict))
                .externalApps(new DefaultExternalApps())
                .events(events)
                .notifier(notifier)
                .clock(clock)
                .build();
        this.channels = List.of(clipboard);
    }

    /**
     * Starts the guard.
     *
     * @param onExit run after an admin exit has stopped everything (the launcher ends the process)
     */
    public static GuardApp start(AppConfig config, Platforms platforms, Clock clock, Runnable onExit) {
        GuardApp app = new GuardApp(config, platforms, clock, onExit);
        for (GuardChannel c : app.channels) {
            c.start();
            app.status.addChannel(c);
            LOG.info(() -> "channel " + c.kind().id() + ": " + c.health());
        }
        app.timer.scheduleWithFixedDelay(app.status::refresh, STATUS_PERIOD.toMillis(), STATUS_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        return app;
    }

    GuardUi ui() {
        return ui;
    }

    ClipboardGuard clipboard() {
        return clipboard;
    }

    RecentEvents events() {
        return events;
    }

    GuardStatus status() {
        return status;
    }

    /** Shows the status window (a second start of the app asks for it). */
    public void bringToFront() {
        ui.bringToFront();
    }

    @Override
    public boolean pinConfigured() {
        return AdminPin.isWellFormed(config.adminPinHash());
    }

    @Override
    public boolean verifyPin(char[] pin) {
        boolean ok = AdminPin.verify(pin, config.adminPinHash());
        LOG.info(ok ? "admin PIN accepted" : "admin PIN rejected");
        return ok;
    }

    @Override
    public synchronized void pause(Duration duration) {
        Instant until = clock.instant().plus(duration);
        LOG.warning("protection paused by admin until " + until);
        channels.forEach(GuardChannel::stop);
        status.paused(until);
        if (pauseEnd != null) {
            pauseEnd.cancel(false);
        }
        pauseEnd = timer.schedule(this::resume, duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void resume() {
        if (pauseEnd != null) {
            pauseEnd.cancel(false);
            pauseEnd = null;
        }
        channels.forEach(GuardChannel::start);
        status.paused(null);
        LOG.warning("protection resumed");
    }

    @Override
    public void exit() {
        LOG.warning("exit requested by admin");
        close();
        onExit.run();
    }

    @Override
    public String updateRulesNow() {
        // The rules updater is not wired yet: say so instead of pretending.
        return Messages.forLanguage(config.language()).format("rules.notConfigured", scanner.engine().rulesVersion());
    }

    @Override
    public String version() {
        String v = GuardApp.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        channels.forEach(GuardChannel::stop);
        ui.close();
        scanner.close();
    }
}
