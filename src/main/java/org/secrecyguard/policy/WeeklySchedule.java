package org.secrecyguard.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * When IT wants the self-check to run: one weekly slot ("MON 12:30", local time). A PC that was off
 * or asleep at the slot runs the check at the next look after it (catch-up), once per slot. It lives in
 * {@code policy} (with the other time values) because the rules carry it: the bundle builder checks it
 * and the self-check follows it.
 *
 * @param day  the day of the week
 * @param time the local time
 */
public record WeeklySchedule(DayOfWeek day, LocalTime time) {
    /** Parses "MON 12:30" (also "monday 9:05"); empty for blank or "off". */
    public static Optional<WeeklySchedule> parse(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("self-check schedule must look like \"MON 12:30\": " + text);
        }
        DayOfWeek day = null;
        for (DayOfWeek d : DayOfWeek.values()) {
            String p = parts[0].toUpperCase(Locale.ROOT);
            if (d.name().equals(p) || d.name().startsWith(p) && p.length() >= 3) {
                day = d;
            }
        }
        if (day == null) {
            throw new IllegalArgumentException("unknown day in self-check schedule: " + parts[0]);
        }
        String[] hm = parts[1].split(":");
        if (hm.length != 2) {
            throw new IllegalArgumentException("bad time in self-check schedule (HH:MM): " + parts[1]);
        }
        try {
            return Optional.of(new WeeklySchedule(day, LocalTime.of(Integer.parseInt(hm[0]), Integer.parseInt(hm[1]))));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad time in self-check schedule: " + parts[1], e);
        }
    }

    /** The latest slot at or before {@code now}. */
    public Instant lastSlot(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime slot = local.with(TemporalAdjusters.previousOrSame(day)).with(time);
        if (slot.isAfter(local)) {
            slot = slot.minusWeeks(1);
        }
        return slot.toInstant();
    }

    /**
     * True when a check is due: the latest slot has passed and no check started since.
     *
     * @param lastStarted when the last check (finished or not) started, or null for never
     */
    public boolean due(Instant now, ZoneId zone, Instant lastStarted) {
        return lastStarted == null || lastStarted.isBefore(lastSlot(now, zone));
    }

    @Override
    public String toString() {
        return day.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT) + " " + time;
    }
}
