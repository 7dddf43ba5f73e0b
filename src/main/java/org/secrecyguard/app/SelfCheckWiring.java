package org.secrecyguard.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.secrecyguard.events.EventLog;
import org.secrecyguard.platform.DesktopSession;
import org.secrecyguard.platform.Platforms;
import org.secrecyguard.rules.ActiveRules;
import org.secrecyguard.selfcheck.BusySignal;
import org.secrecyguard.selfcheck.Cancel;
import org.secrecyguard.selfcheck.CheckListener;
import org.secrecyguard.selfcheck.CheckSummary;
import org.secrecyguard.selfcheck.RulesKey;
import org.secrecyguard.selfcheck.SelfCheckJob;
import org.secrecyguard.ui.SelfCheckControl;

/**
 * The tray's self-check: the PC's default roots, the rules in force when it starts, the index in the
 * data folder, events into the app's log, pausing while the user gave input in the last
 * {@link #QUIET} (X11 or Windows idle time).
 */
final class SelfCheckWiring implements SelfCheckControl {
    static final Duration QUIET = Duration.ofSeconds(5);
    private final AppConfig config;
    private final RulesWiring rules;
    private final EventLog events;   // may be null
    private final BusySignal busy;

    SelfCheckWiring(AppConfig config, RulesWiring rules, EventLog events, DesktopSession session) {
        this.config = config;
        this.rules = rules;
        this.events = events;
        this.busy = BusySignal.fromInput(Platforms.userActivity(session), QUIET);
    }

    @Override
    public CheckSummary run(boolean full, boolean resume, CheckListener listener, Cancel cancel) {
        ActiveRules.Active<GuardRules> active = rules.active();
        RulesKey key = active.snapshot() == null ? RulesKey.baseline(GuardApp.version(), true)
                : RulesKey.of(active.snapshot(), GuardApp.version(), true);
        SelfCheckJob job = new SelfCheckJob(config.dataDir().resolve("selfcheck.db"), () -> active.value().engine(), key,
                active.value().versionLabel(), events, Platforms.localDisks(), List.of(config.dataDir()), busy,
                Platforms.backgroundPriority(), 1, true, null);
        // The tray's resident heap is small: one reader thread, and resume an interrupted check first.
        List<Path> roots = job.defaultRoots(false);
        return job.run(roots, full, resume && !full, listener, cancel);
    }
}
