package org.secrecyguard.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.platform.Limitation;
import org.secrecyguard.ui.GuardState;
import org.secrecyguard.ui.StatusModel;
import org.secrecyguard.ui.StatusSnapshot;

/**
 * The tray's status, derived from the channels' health, what the desktop cannot do, the last block
 * and an admin pause: ALERT for {@link #ALERT_FOR} after a block, else DEGRADED when anything is
 * limited, else PROTECTED. {@link #refresh()} is called on a timer and after every event; listeners
 * hear only real changes.
 */
final class GuardStatus implements StatusModel {
    static final Duration ALERT_FOR = Duration.ofMinutes(5);

    private final List<GuardChannel> channels = new CopyOnWriteArrayList<>();
    private final List<Limitation> desktopLimits;
    private final Supplier<String> rulesVersion;
    private final Clock clock;
    private final List<Consumer<StatusSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> extraProblems = new LinkedHashSet<>();
    private volatile Instant lastAlert;
    private volatile Instant pausedUntil;
    private volatile StatusSnapshot current;

    GuardStatus(List<Limitation> desktopLimits, Supplier<String> rulesVersion, Clock clock) {
        this.desktopLimits = List.copyOf(desktopLimits);
        this.rulesVersion = rulesVersion;
        this.clock = clock;
        this.current = compute();
    }

    @Override
    public StatusSnapshot current() {
        return current;
    }

    @Override
    public void subscribe(Consumer<StatusSnapshot> listener) {
        listeners.add(listener);
    }

    /** Adds a channel whose health counts from now on. */
    void addChannel(GuardChannel channel) {
        channels.add(channel);
        refresh();
    }

    void alerted(Instant when) {
        lastAlert = when;
        refresh();
    }

    void paused(Instant until) {
        pausedUntil = until;
        refresh();
    }

    /** A problem outside the channels (e.g. "events-unavailable"), or null to clear it. */
    synchronized void problem(String code, boolean present) {
        if (present) {
            extraProblems.add(code);
        } else {
            extraProblems.remove(code);
        }
        refresh();
    }

    void refresh() {
        StatusSnapshot next = compute();
        StatusSnapshot before = current;
        current = next;
        if (!Objects.equals(before, next)) {
            listeners.forEach(l -> l.accept(next));
        }
    }

    private synchronized StatusSnapshot compute() {
        Set<String> problems = new LinkedHashSet<>();
        for (Limitation l : desktopLimits) {
            problems.add(l.code());
        }
        boolean paused = pausedUntil != null && clock.instant().isBefore(pausedUntil);
        if (!paused) {
            for (GuardChannel c : channels) {
                ChannelHealth h = c.health();
                problems.addAll(h.problems());
                if (h.state() == ChannelHealth.State.STOPPED) {
                    problems.add(c.kind().id() + "-stopped");
                }
            }
        }
        problems.addAll(extraProblems);
        Instant alert = lastAlert;
        boolean recentAlert = alert != null && clock.instant().isBefore(alert.plus(ALERT_FOR));
        GuardState state = recentAlert ? GuardState.ALERT
                : problems.isEmpty() && !paused ? GuardState.PROTECTED : GuardState.DEGRADED;
        return new StatusSnapshot(state, new ArrayList<>(problems), rulesVersion.get(), alert,
                paused ? pausedUntil : null);
    }
}
