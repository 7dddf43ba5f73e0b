package org.secrecyguard.selfcheck;

import java.time.Duration;
import org.secrecyguard.platform.UserActivity;

/** Whether the user is working right now, so the self-check waits instead of competing for the disk. */
@FunctionalInterface
public interface BusySignal {
    BusySignal NEVER = () -> false;

    boolean busy();

    /** Busy when either signal says so. */
    default BusySignal or(BusySignal other) {
        return () -> busy() || other.busy();
    }

    /**
     * Asks {@code signal} at most once per {@code period} and answers from the last reply in between:
     * the check asks before every file, and some answers (the power supply) cost hundreds of ms.
     */
    static BusySignal sampled(BusySignal signal, Duration period) {
        long periodNanos = period.toNanos();
        long[] askedAt = {0};
        boolean[] last = {false};
        boolean[] asked = {false};
        return () -> {
            synchronized (askedAt) {
                long now = System.nanoTime();
                if (!asked[0] || now - askedAt[0] >= periodNanos) {
                    last[0] = signal.busy();
                    askedAt[0] = now;
                    asked[0] = true;
                }
                return last[0];
            }
        };
    }

    /** Busy while the last input is more recent than {@code quiet}; unknown input counts as not busy. */
    static BusySignal fromInput(UserActivity activity, Duration quiet) {
        return () -> activity.idleMillis().stream().anyMatch(idle -> idle < quiet.toMillis());
    }
}
