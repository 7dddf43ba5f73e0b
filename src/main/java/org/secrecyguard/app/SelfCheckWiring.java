package org.secrecyguard.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.secrecyguard.events.EventLog;
import org.secrecyguard.platform.DesktopSession;
import org.secrecyguard.platform.Platforms;
import org.secrecyguard.rules.ActiveRules;
import org.secrecyguard.scan.ProductVersion;
import org.secrecyguard.selfcheck.BusySignal;
import org.secrecyguard.selfcheck.Cancel;
import org.secrecyguard.selfcheck.CheckIndex;
import org.secrecyguard.selfcheck.CheckListener;
import org.secrecyguard.selfcheck.CheckScheduler;
import org.secrecyguard.selfcheck.CheckSummary;
import org.secrecyguard.selfcheck.RulesKey;
import org.secrecyguard.selfcheck.SelfCheckJob;
import org.secrecyguard.ui.SelfCheckControl;

/**
 * The tray's self-check: the PC's default roots, the rules in force when it starts, the index in the
 * data folder, events into the app's log, pausing while the user gave input in the last
 * {@link #QUIET} (X11 or Windows idle time) or while on battery. One check at a time. The secrecy office
 * schedules it weekly in the signed rules ({@code rules selfcheck set "MON 12:30"}), or IT per site with
 * {@code selfcheck.weekly=MON 12:30} in the site's properties; the rules win. A PC that was off at that
 * time checks at the next look after it.
 */
final class SelfCheckWiring implements SelfCheckControl {
    private static final Logger LOG = Logger.getLogger(SelfCheckWiring.class.getName());
    static final Duration QUIET = Duration.ofSeconds(5);
    static final Duration SCHEDULE_LOOK = Duration.ofMinutes(5);
    private final AtomicBoolean running = new AtomicBoolean();
    private final AppConfig config;
    private final RulesWiring rules;
    private final EventLog events;   // may be null
    private final BusySignal busy;

    SelfCheckWiring(AppConfig config, RulesWiring rules, EventLog events, DesktopSession session) {
        this.config = config;
        this.rules = rules;
        this.events = events;
        this.busy = BusySignal.fromInput(Platforms.userActivity(session), QUIET)
                .or(BusySignal.sampled(org.secrecyguard.platform.BatteryPower::onBattery, Duration.ofSeconds(30)));
    }

    /**
     * Looks every few minutes whether the weekly check is due and runs it on a thread of its own. The slot is
     * asked for at every look ({@link CheckScheduler}: the signed rules' slot over the site's), so a rule
     * update moves it without a restart.
     */
    void schedule(ScheduledExecutorService timer, Clock clock) {
        CheckScheduler scheduler = scheduler(clock);
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (!running.get() && scheduler.due()) {
                    Thread t = new Thread(() -> {
                        try {
                            run(false, true, CheckListener.NONE, new Cancel());
                        } catch (RuntimeException e) {
                            LOG.warning("scheduled self-check failed: " + e.getMessage());
                        }
                    }, "self-check-scheduled");
                    t.setDaemon(true);
                    t.start();
                }
            } catch (RuntimeException e) {
                // a failed look (index unreadable) must not end the timer's later looks
                LOG.warning("self-check schedule look failed: " + e.getMessage());
            }
        }, 1, SCHEDULE_LOOK.toMinutes(), TimeUnit.MINUTES);
    }

    /** The schedule of this PC: the rules in force, the site's {@code selfcheck.weekly}, the index's last run. */
    CheckScheduler scheduler(Clock clock) {
        return new CheckScheduler(() -> rules.active().snapshot(), config::selfCheckWeekly, clock, this::lastStarted);
    }

    private Instant lastStarted() {
        try (CheckIndex index = CheckIndex.open(config.dataDir().resolve("selfcheck.db"))) {
            return index.lastRun().map(r -> Instant.ofEpochMilli(r.startedMillis())).orElse(null);
        }
    }

    @Override
    public CheckSummary run(boolean full, boolean resume, CheckListener listener, Cancel cancel) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("a self-check is already running");
        }
        try {
            return runOnce(full, resume, listener, cancel);
        } finally {
            running.set(false);
        }
    }

    private CheckSummary runOnce(boolean full, boolean resume, CheckListener listener, Cancel cancel) {
        ActiveRules.Active<GuardRules> active = rules.active();
        RulesKey key = active.snapshot() == null ? RulesKey.baseline(ProductVersion.current(), true)
                : RulesKey.of(active.snapshot(), ProductVersion.current(), true);
        SelfCheckJob job = new SelfCheckJob(config.dataDir().resolve("selfcheck.db"), () -> active.value().engine(), key,
                active.value().versionLabel(), events, Platforms.localDisks(), List.of(config.dataDir()), busy,
                Platforms.backgroundPriority(), 1, true, null);
        // The tray's resident heap is small: one reader thread, and resume an interrupted check first.
        List<Path> roots = job.defaultRoots(false);
        return job.run(roots, full, resume && !full, listener, cancel);
    }
}
