package org.secrecyguard.policy;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A span of the working day, start inclusive, end exclusive; within one day (no spans over midnight).
 */
public record TimeRange(LocalTime start, LocalTime end) {
    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("work period must end after it starts: " + start + "-" + end);
        }
    }

    public boolean contains(LocalTime t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** Parses "08:30-12:00". */
    public static TimeRange parse(String text) {
        String[] parts = text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("work period must look like 08:30-12:00: " + text);
        }
        try {
            return new TimeRange(LocalTime.parse(pad(parts[0])), LocalTime.parse(pad(parts[1])));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("work period must look like 08:30-12:00: " + text, e);
        }
    }

    private static String pad(String hhmm) {
        return hhmm.length() == 4 && hhmm.charAt(1) == ':' ? "0" + hhmm : hhmm;
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
