package org.secrecyguard.selfcheck;

import java.time.Duration;
import org.secrecyguard.platform.UserActivity;

/** Whether the user is working right now, so the self-check waits instead of competing for the disk. */
@FunctionalInterface
public interface BusySignal {
    BusySignal NEVER = () -> false;

    boolean busy();

    /** Busy while the last input is more recent than {@code quiet}; unknown input counts as not busy. */
    static BusySignal fromInput(UserActivity activity, Duration quiet) {
        return () -> activity.idleMillis().stream().anyMatch(idle -> idle < quiet.toMillis());
    }
}
