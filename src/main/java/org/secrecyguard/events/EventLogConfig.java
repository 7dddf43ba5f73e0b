package org.secrecyguard.events;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link EventLog}.
 *
 * @param retention           uploaded events older than this are pruned; pending events never are
 * @param sizeCapBytes        when the used size passes this, uploaded events are pruned early and, if
 *                            that is not enough, one {@link EventKind#LOG_CAP_WARNING} is logged
 * @param maintenanceInterval how often the writer prunes and checks the size while idle
 * @param writeTimeout        how long {@code append} waits for its commit before reporting failure
 * @param clock               time source for pruning and system events (tests pass a fixed one)
 */
public record EventLogConfig(Duration retention, long sizeCapBytes, Duration maintenanceInterval,
                             Duration writeTimeout, Clock clock) {
    public EventLogConfig {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(maintenanceInterval, "maintenanceInterval");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(clock, "clock");
        if (sizeCapBytes <= 0) {
            throw new IllegalArgumentException("sizeCapBytes must be positive");
        }
    }

    /** 180 days of uploaded history, a 256 MiB cap, hourly maintenance, 30 s write timeout. */
    public static EventLogConfig defaults() {
        return new EventLogConfig(Duration.ofDays(180), 256L << 20, Duration.ofHours(1), Duration.ofSeconds(30),
                Clock.systemDefaultZone());
    }

    public EventLogConfig withRetention(Duration d) {
        return new EventLogConfig(d, sizeCapBytes, maintenanceInterval, writeTimeout, clock);
    }

    public EventLogConfig withSizeCapBytes(long bytes) {
        return new EventLogConfig(retention, bytes, maintenanceInterval, writeTimeout, clock);
    }

    public EventLogConfig withMaintenanceInterval(Duration d) {
        return new EventLogConfig(retention, sizeCapBytes, d, writeTimeout, clock);
    }

    public EventLogConfig withClock(Clock c) {
        return new EventLogConfig(retention, sizeCapBytes, maintenanceInterval, writeTimeout, c);
    }
}
