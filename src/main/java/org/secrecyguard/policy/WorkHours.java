package org.secrecyguard.policy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The regular working week: which weekdays are working days and the periods of a working day
 * (a lunch break is simply a gap between two periods).
 */
public record WorkHours(Set<DayOfWeek> days, List<TimeRange> periods) {
    public WorkHours {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        periods = List.copyOf(periods);
    }

    /** Mon–Fri 08:30–12:00 and 13:30–18:00. */
    public static WorkHours defaults() {
        return new WorkHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(
                new TimeRange(LocalTime.of(8, 30), LocalTime.of(12, 0)),
                new TimeRange(LocalTime.of(13, 30), LocalTime.of(18, 0))));
    }

    public boolean inPeriod(LocalTime t) {
        for (TimeRange r : periods) {
            if (r.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** Parses days like "MON-FRI", "MON,TUE,THU" or "1-5" (1 = Monday). */
    public static Set<DayOfWeek> parseDays(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            if (dash > 0) {
                DayOfWeek from = parseDay(p.substring(0, dash));
                DayOfWeek to = parseDay(p.substring(dash + 1));
                if (to.compareTo(from) < 0) {
                    throw new IllegalArgumentException("day range must go forward (MON-FRI): " + p);
                }
                days.addAll(EnumSet.range(from, to));
            } else {
                days.add(parseDay(p));
            }
        }
        return days;
    }

    /** Parses "08:30-12:00,13:30-18:00". */
    public static List<TimeRange> parsePeriods(String text) {
        List<TimeRange> list = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                list.add(TimeRange.parse(part));
            }
        }
        list.sort((a, b) -> a.start().compareTo(b.start()));
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).start().isBefore(list.get(i - 1).end())) {
                throw new IllegalArgumentException("work periods overlap: " + list.get(i - 1) + " and " + list.get(i));
            }
        }
        return list;
    }

    private static DayOfWeek parseDay(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.matches("[1-7]")) {
            return DayOfWeek.of(Integer.parseInt(t));
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(t) && t.length() >= 3) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown weekday: " + text + " (use MON..SUN or 1..7)");
    }
}
