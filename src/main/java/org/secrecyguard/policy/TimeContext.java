package org.secrecyguard.policy;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a transfer happens, in the PC's local time zone. The policy asks its {@link WorkCalendar}
 * whether that is work time.
 */
public record TimeContext(ZonedDateTime at) {
    public TimeContext {
        Objects.requireNonNull(at, "at");
    }

    public static TimeContext now(Clock clock) {
        return new TimeContext(ZonedDateTime.now(clock));
    }

    public static TimeContext now() {
        return now(Clock.systemDefaultZone());
    }
}
