package org.secrecyguard.onaccess;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.secrecyguard.channel.ContentScanner;
import org.secrecyguard.channel.EventSink;
import org.secrecyguard.channel.TransferPolicy;
import org.secrecyguard.channel.UserNotifier;
import org.secrecyguard.platform.FileAccessGate;
import org.secrecyguard.policy.ExternalApps;

/**
 * The on-access guard: stops a file before a chat client, browser or cloud drive can read it. Holds the
 * opens on the watched filesystems ({@link FileAccessGate}), decides them ({@link OnAccessDecider}),
 * reports off the decision path ({@link OnAccessReports}) and fails open when anything stalls
 * ({@link OnAccessWatchdog}). Runs in the privileged system service, one per PC.
 */
public final class OnAccessGuard implements AutoCloseable {
    private final FileAccessGate gate;
    private final List<Path> roots;
    private final OverrideGrants grants;
    private final OnAccessReports reports;
    private final OnAccessDecider decider;
    private final DestinationProcesses destinations;
    private final List<Path> installRoots;
    private final Duration watchdogLimit;
    private final Runnable onStall;
    private final Runnable healthy;
    private OnAccessWatchdog watchdog;

    private OnAccessGuard(Builder b) {
        this.gate = Objects.requireNonNull(b.gate, "gate");
        this.roots = List.copyOf(b.roots);
        Clock clock = b.clock;
        this.grants = new OverrideGrants(clock);
        this.reports = new OnAccessReports(b.scanner, b.policy, b.events, b.notifiers, grants, clock);
        this.destinations = new DestinationProcesses(b.externalApps);
        this.installRoots = List.copyOf(b.installRoots);
        this.decider = new OnAccessDecider(b.scanner, b.policy, destinations, grants, reports, clock);
        this.watchdogLimit = b.watchdogLimit;
        this.onStall = b.onStall;
        this.healthy = b.healthy;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts holding opens; throws {@link org.secrecyguard.platform.PlatformUnavailableException} when it cannot. */
    public synchronized void start() {
        installRoots.forEach(destinations::learnInstalled); // before the gate: these reads must not be held
        gate.start(roots, decider);
        watchdog = new OnAccessWatchdog(gate, decider::oldestPendingNanos, watchdogLimit, onStall, healthy);
    }

    /** True once the watchdog found the guard stalled and let everything through. */
    public boolean stalled() {
        return watchdog != null && watchdog.tripped();
    }

    @Override
    public synchronized void close() {
        if (watchdog != null) {
            watchdog.close();
        }
        gate.close();
        decider.close();
        reports.close();
    }

    /** Wiring; gate, roots, scanner, policy, external applications, events and notifiers are required. */
    public static final class Builder {
        private FileAccessGate gate;
        private List<Path> roots = List.of();
        private List<Path> installRoots = List.of(Path.of("/"));
        private ContentScanner scanner;
        private TransferPolicy policy;
        private Supplier<ExternalApps> externalApps;
        private EventSink events;
        private Function<String, UserNotifier> notifiers;
        private Clock clock = Clock.systemDefaultZone();
        private Duration watchdogLimit = OnAccessWatchdog.LIMIT;
        private Runnable onStall = () -> { };
        private Runnable healthy = () -> { };

        public Builder gate(FileAccessGate gate) {
            this.gate = gate;
            return this;
        }

        /** Folders whose filesystems are watched (users' homes, removable media). */
        /** Where the destination packages are installed ("/" on a PC: {@code /opt/...}). */
        public Builder installRoots(List<Path> installRoots) {
            this.installRoots = installRoots;
            return this;
        }

        public Builder roots(List<Path> roots) {
            this.roots = roots;
            return this;
        }

        public Builder scanner(ContentScanner scanner) {
            this.scanner = scanner;
            return this;
        }

        public Builder policy(TransferPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** The rules' external applications (they change with rule updates). */
        public Builder externalApps(Supplier<ExternalApps> apps) {
            this.externalApps = apps;
            return this;
        }

        public Builder events(EventSink events) {
            this.events = events;
            return this;
        }

        /** The popups of the user with a given name (the tray app of that user's session). */
        public Builder notifiers(Function<String, UserNotifier> notifiers) {
            this.notifiers = notifiers;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder watchdogLimit(Duration limit) {
            this.watchdogLimit = limit;
            return this;
        }

        /**
         * Run by the watchdog after each check that found the decision path moving, several times a second:
         * the service manager's keep-alive, so a service stopped as a whole is restarted by the manager.
         */
        public Builder healthy(Runnable healthy) {
            this.healthy = healthy;
            return this;
        }

        /** Run once after the watchdog let everything through (the service records it and exits). */
        public Builder onStall(Runnable onStall) {
            this.onStall = onStall;
            return this;
        }

        public OnAccessGuard build() {
            Objects.requireNonNull(scanner, "scanner");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(externalApps, "externalApps");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(notifiers, "notifiers");
            return new OnAccessGuard(this);
        }
    }
}
