package org.secrecyguard.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.EventSink;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.channel.GuardContext;
import org.secrecyguard.channel.RulesExternalWindowCheck;
import org.secrecyguard.channel.ScannerAdapter;
import org.secrecyguard.channel.TransferPolicy;
import org.secrecyguard.channel.chat.ChatFileGuard;
import org.secrecyguard.channel.chat.ChatStore;
import org.secrecyguard.channel.clipboard.ClipboardGuard;
import org.secrecyguard.channel.drive.DriveGuard;
import org.secrecyguard.channel.screenshot.ScreenshotGuard;
import org.secrecyguard.events.EventKind;
import org.secrecyguard.events.EventLog;
import org.secrecyguard.events.Uploader;
import org.secrecyguard.events.UploaderConfig;
import org.secrecyguard.platform.Platforms;
import org.secrecyguard.platform.RemovableVolume;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.TimeContext;
import org.secrecyguard.policy.UsbDeviceId;
import org.secrecyguard.scan.ProductVersion;
import org.secrecyguard.scan.Scanner;
import org.secrecyguard.scan.Scanners;
import org.secrecyguard.ui.GuardUi;
import org.secrecyguard.ui.HistorySource;
import org.secrecyguard.ui.Messages;
import org.secrecyguard.ui.StatusSnapshot;
import org.secrecyguard.ui.UiServices;

/**
 * The running guard: wires the desktop's adapters, the scanner, event log, policy and channels to
 * one {@link GuardContext}, starts the UI and the channels. The tray menu's admin actions are
 * {@link AdminControls}'. A channel that cannot start (or throws) leaves the app running with the
 * others, in the degraded state ({@link IsolatedChannel}).
 */
public final class GuardApp implements AutoCloseable {
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
    private final GuardContext context;
    private final ClipboardGuard clipboard;
    private final DriveGuard drive;
    /** Every channel, each isolated from the others' failures; filled once the UI is up. */
    private final List<GuardChannel> channels = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "guard-status");
        t.setDaemon(true);
        return t;
    });

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
        AdminControls controls = new AdminControls(config, clock, channels, status, rules, this::system, timer,
                () -> {
                    close();
                    onExit.run();
                });
        SelfCheckWiring selfCheck = new SelfCheckWiring(config, rules, eventLog, platforms.session());
        selfCheck.schedule(timer, clock);
        this.ui = GuardUi.start(new UiServices(messages, status, history, new ScannerFileChecker(scanner), controls,
                clock, config.warnSeconds(), selfCheck), config.systemTray());
        PopupNotifier notifier = new PopupNotifier(ui, messages, () -> rules.current().popups(), status);
        this.context = new GuardContext(new ScannerAdapter(scanner), rulesPolicy(), events, notifier, clock);
        this.clipboard = ClipboardGuard.builder()
                .watch(platforms::newClipboardWatch)
                .fallbackWatch(platforms::newPollingWatch)
                .clipboard(platforms.systemClipboard())
                .foreground(platforms.foregroundWindow())
                .externalApps(new RulesExternalWindowCheck(() -> rules.current().policy().config().externalApps(),
                        Channel.CLIPBOARD))
                .context(context)
                .build();
        this.drive = DriveGuard.builder()
                .media(platforms.removableMedia())
                .quarantine(config.dataDir().resolve("quarantine"))
                .pollPeriod(config.folderPollPeriod())
                .context(context)
                .build();
        ChatFileGuard chatFiles = ChatFileGuard.builder()
                .stores(chatStores(config))
                .pollPeriod(config.folderPollPeriod())
                .context(context)
                .build();
        ScreenshotGuard screenshots = ScreenshotGuard.builder()
                .keys(platforms::newScreenshotKeys)
                .screen(platforms.screenCapture())
                .foreground(platforms.foregroundWindow())
                .context(context)
                .build();
        List<GuardChannel> all = new java.util.ArrayList<>(List.of(clipboard, drive, chatFiles, screenshots));
        platforms.filePickers().ifPresent(pickers -> all.add(org.secrecyguard.channel.upload.UploadGuard.builder()
                .watch(pickers.watch()).hold(pickers.hold()).context(context)
                .destinations(new org.secrecyguard.onaccess.DestinationProcesses(
                        () -> rules.current().policy().config().externalApps())::destinationOf)
                .grants(new org.secrecyguard.onaccess.OverrideGrants(clock)).build()));
        if (!config.serviceSocket().isEmpty()) {
            all.add(new ServiceLink(config.serviceSocket(), notifier));
        }
        for (GuardChannel c : all) {
            channels.add(new IsolatedChannel(c));
        }
    }

    /**
     * Starts the guard.
     *
     * @param onExit run after an admin exit has stopped everything (the launcher ends the process)
     */
    public static GuardApp start(AppConfig config, Platforms platforms, Clock clock, Runnable onExit) {
        GuardApp app = new GuardApp(config, platforms, clock, onExit);
        app.system(EventKind.AGENT_STARTED, "version " + ProductVersion.current());
        for (GuardChannel c : app.channels) {
            c.start();
            app.status.addChannel(c);
            ChannelHealth h = c.health();
            LOG.info(() -> "channel " + c.kind().id() + ": " + h);
            if (h.state() == ChannelHealth.State.DOWN) {
                app.system(EventKind.CHANNEL_DOWN, c.kind().id() + ": " + String.join(", ", h.problems()));
            }
        }
        // The state a user sees in the tray, and how long the start took (docs/benchmarks.md: cold start).
        long sinceJvmStart = System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        StatusSnapshot started = app.status.current();
        LOG.info(() -> "started: " + started.state() + " " + started.problems() + " " + sinceJvmStart + " ms after JVM start");
        app.status.subscribe(s -> LOG.info(() -> "status: " + s.state() + " " + s.problems()));
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

    /**
     * The rules' policy as channels ask it: a file going to a removable drive is judged by the device
     * allow-list, anything else by its destination application; an unknown destination ("") counts
     * as external.
     */
    private TransferPolicy rulesPolicy() {
        return (verdict, transfer, time) -> transfer.device() != null
                ? rules.current().policy().decideRemovable(verdict, usbDevice(transfer.device()), new TimeContext(time))
                : rules.current().policy().decide(verdict, transfer.channel(),
                transfer.destinationApp().isEmpty() ? null : transfer.destinationApp(), new TimeContext(time));
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
    private static UsbDeviceId usbDevice(RemovableVolume volume) {
        return volume.identified()
                ? new UsbDeviceId(volume.vendorId(), volume.productId(), volume.serial(), volume.label())
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

    /** The context every channel shares (tests wait on its judgements). */
    GuardContext context() {
        return context;
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
