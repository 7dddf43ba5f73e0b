package org.secrecyguard.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.PolicyDecider;
import org.secrecyguard.channel.PolicyExternalApps;
import org.secrecyguard.channel.ScannerContent;
import org.secrecyguard.channel.EventSink;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.channel.chat.ChatFileGuard;
import org.secrecyguard.channel.chat.ChatStore;
import org.secrecyguard.channel.clipboard.ClipboardGuard;
import org.secrecyguard.channel.drive.DriveGuard;
import org.secrecyguard.channel.hotkey.ScreenshotGuard;
import org.secrecyguard.events.EventKind;
import org.secrecyguard.events.EventLog;
import org.secrecyguard.events.Uploader;
import org.secrecyguard.events.UploaderConfig;
import org.secrecyguard.platform.Platforms;
import org.secrecyguard.platform.RemovableVolume;
import org.secrecyguard.policy.AdminPin;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.TimeContext;
import org.secrecyguard.policy.UsbDevice;
import org.secrecyguard.rules.RuleUpdater;
import org.secrecyguard.scan.Scanner;
import org.secrecyguard.scan.Scanners;
import org.secrecyguard.ui.GuardControl;
import org.secrecyguard.ui.GuardUi;
import org.secrecyguard.ui.HistorySource;
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
    static final Duration SETTLE_GC = Duration.ofSeconds(15);

    private final AppConfig config;
    private final Clock clock;
    private final Runnable onExit;
    private final RulesWiring rules;
    private final Scanner scanner;
    private final EventLog eventLog;       // null when the database could not be opened
    private final LoggedEvents logged;     // null then too
    private final Uploader uploader;       // null without a collector URL
    private final EventSink events;
    private final HistorySource history;
    private final GuardStatus status;
    private final GuardUi ui;
    private final ClipboardGuard clipboard;
    private final DriveGuard drive;
    private final ChatFileGuard chatFiles;
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
        this.eventLog = openEventLog(config.dataDir().resolve("events.db"));
        this.rules = new RulesWiring(config, this::system);
        this.scanner = Scanners.forFiles(() -> rules.current().engine(), true);
        this.status = new GuardStatus(platforms.limitations(), rules::versionLabel, clock);
        if (rules.problem() != null) {
            status.problem(rules.problem(), true);
        }
        if (eventLog != null) {
            this.uploader = startUploader(config.collectorUrl(), config.collectorToken(), eventLog);
            this.logged = new LoggedEvents(eventLog, rules::versionLabel,
                    uploader == null ? () -> { } : uploader::wake);
            this.events = logged;
            this.history = logged;
        } else {
            RecentEvents memory = new RecentEvents(2000);
            this.uploader = null;
            this.logged = null;
            this.events = memory;
            this.history = memory;
            status.problem("events-unavailable", true);
        }
        this.ui = GuardUi.start(new UiServices(messages, status, history, new ScannerFileChecker(scanner), this,
                clock, config.warnSeconds()), config.systemTray());
        PopupNotifier notifier = new PopupNotifier(ui, messages, () -> rules.current().popups(), status);
        this.clipboard = ClipboardGuard.builder()
                .watch(platforms::newClipboardWatch)
                .fallbackWatch(platforms::newPollingWatch)
                .clipboard(platforms.systemClipboard())
                .foreground(platforms.foregroundWindow())
                .scanner(new ScannerContent(scanner))
                .policy(rulesPolicy())
                .externalApps(new PolicyExternalApps(() -> rules.current().policy().config().externalApps(),
                        Channel.CLIPBOARD))
                .events(events)
                .notifier(notifier)
                .clock(clock)
                .build();
        this.drive = DriveGuard.builder()
                .media(platforms.removableMedia())
                .scanner(new ScannerContent(scanner))
                .policy((verdict, volume, time) -> rules.current().policy().decideRemovable(verdict,
                        usbDevice(volume), new TimeContext(time)))
                .events(events)
                .notifier(notifier)
                .quarantine(config.dataDir().resolve("quarantine"))
                .clock(clock)
                .build();
        this.chatFiles = ChatFileGuard.builder()
                .stores(chatStores(config))
                .scanner(new ScannerContent(scanner))
                .policy(rulesPolicy())
                .events(events)
                .notifier(notifier)
                .clock(clock)
                .build();
        ScreenshotGuard screenshots = ScreenshotGuard.builder()
                .keys(platforms::newScreenshotKeys)
                .screen(platforms.screenCapture())
                .foreground(platforms.foregroundWindow())
                .scanner(new ScannerContent(scanner))
                .policy(rulesPolicy())
                .events(events)
                .notifier(notifier)
                .clock(clock)
                .build();
        this.channels = List.of(clipboard, drive, chatFiles, screenshots);
    }

    /**
     * Starts the guard.
     *
     * @param onExit run after an admin exit has stopped everything (the launcher ends the process)
     */
    public static GuardApp start(AppConfig config, Platforms platforms, Clock clock, Runnable onExit) {
        GuardApp app = new GuardApp(config, platforms, clock, onExit);
        app.system(EventKind.AGENT_STARTED, "version " + app.version());
        for (GuardChannel c : app.channels) {
            c.start();
            app.status.addChannel(c);
            ChannelHealth h = c.health();
            LOG.info(() -> "channel " + c.kind().id() + ": " + h);
            if (h.state() == ChannelHealth.State.DOWN) {
                app.system(EventKind.CHANNEL_DOWN, c.kind().id() + ": " + String.join(", ", h.problems()));
            }
        }
        app.timer.scheduleWithFixedDelay(app.status::refresh, STATUS_PERIOD.toMillis(), STATUS_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        // Start-up (JavaFX, fonts, SQLite) leaves garbage that an idle app would keep for hours; one full
        // collection once things settled lets the heap shrink to what the resident app really uses.
        // Then the font pages read while starting are given back (FontPageTrim, Linux).
        app.timer.schedule(() -> {
            System.gc();
            FontPageTrim.run();
        }, SETTLE_GC.toMillis(), TimeUnit.MILLISECONDS);
        return app;
    }

    /** The rules' policy as channels ask it; an unknown destination ("") counts as external. */
    private PolicyDecider rulesPolicy() {
        return (verdict, channel, app, time) -> rules.current().policy().decide(verdict, channel,
                app.isEmpty() ? null : app, new TimeContext(time));
    }

    /** The chat file stores under the user's Documents folder and under each folder IT configured. */
    private static List<ChatStore> chatStores(AppConfig config) {
        List<ChatStore> stores = new java.util.ArrayList<>(ChatStore.defaults(DocumentsFolder.current()));
        for (Path folder : config.chatFolders()) {
            stores.addAll(ChatStore.defaults(folder));
        }
        return stores;
    }

    /** The device as the allow-list knows it, or null when the OS could not identify it. */
    private static UsbDevice usbDevice(RemovableVolume volume) {
        return volume.identified()
                ? new UsbDevice(volume.vendorId(), volume.productId(), volume.serial(), volume.label())
                : null;
    }

    DriveGuard drive() {
        return drive;
    }

    GuardUi ui() {
        return ui;
    }

    ClipboardGuard clipboard() {
        return clipboard;
    }

    HistorySource history() {
        return history;
    }

    private static EventLog openEventLog(java.nio.file.Path file) {
        try {
            return EventLog.open(file);
        } catch (RuntimeException e) {
            // Protection matters more than its record: keep guarding, say the log is unavailable.
            LOG.log(java.util.logging.Level.SEVERE, "event log unavailable: " + file, e);
            return null;
        }
    }

    private static Uploader startUploader(String url, String token, EventLog log) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            Uploader u = new Uploader(log, UploaderConfig.defaults(java.net.URI.create(url.trim()))
                    .withAgentToken(token));
            u.start();
            return u;
        } catch (IllegalArgumentException e) {
            LOG.warning("collector URL not usable, events stay local: " + e.getMessage());
            return null;
        }
    }

    private void system(EventKind kind, String detail) {
        LoggedEvents logged = this.logged;
        if (logged != null) {
            logged.system(kind, detail);
        }
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
        system(EventKind.CHANNEL_DOWN, "paused by admin until " + until);
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
        system(EventKind.CHANNEL_UP, "pause ended");
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
        Messages m = Messages.forLanguage(config.language());
        if (!rules.updatesConfigured()) {
            return m.format("rules.notConfigured", rules.versionLabel());
        }
        RuleUpdater.Outcome o = rules.checkNow();
        status.refresh();
        return switch (o.status()) {
            case APPLIED -> m.format("rules.updated", rules.versionLabel());
            case UP_TO_DATE, BASELINE -> m.format("rules.unchanged", rules.versionLabel());
            case REJECTED -> m.format("rules.updateFailed", o.reason() + (o.message().isEmpty() ? "" : ": " + o.message()));
        };
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
        rules.close();
        if (uploader != null) {
            uploader.close();
        }
        if (eventLog != null) {
            system(EventKind.AGENT_STOPPED, "orderly exit");
            eventLog.close();
        }
    }
}
