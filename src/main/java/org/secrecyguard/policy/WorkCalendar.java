package org.secrecyguard.policy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * When people are at work: the regular week plus the national holiday arrangement, where holidays
 * fall on weekdays and make-up working days (调休) fall on weekends. Leaks cluster at night and in
 * holidays (DESIGN case 9), so the policy may be stricter outside work time.
 */
public final class WorkCalendar {
    private final WorkHours hours;
    private final NavigableMap<LocalDate, DayType> exceptions;

    public WorkCalendar(WorkHours hours, Map<LocalDate, DayType> exceptions) {
        this.hours = Objects.requireNonNull(hours, "hours");
        this.exceptions = new TreeMap<>(exceptions);
    }

    public static WorkCalendar defaults() {
        return new WorkCalendar(WorkHours.defaults(), Map.of());
    }

    public WorkHours hours() {
        return hours;
    }

    /** Holidays and make-up days, by date. */
    public NavigableMap<LocalDate, DayType> exceptions() {
        return java.util.Collections.unmodifiableNavigableMap(exceptions);
    }

    /** True on a regular working weekday that is not a holiday, and on a make-up working day. */
    public boolean isWorkDay(LocalDate date) {
        DayType special = exceptions.get(date);
        if (special != null) {
            return special == DayType.WORKDAY;
        }
        return hours.days().contains(date.getDayOfWeek());
    }

    /** True during a work period of a working day, in the local time of {@code time}. */
    public boolean isWorkTime(ZonedDateTime time) {
        return isWorkDay(time.toLocalDate()) && hours.inPeriod(time.toLocalTime());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkCalendar other && other.hours.equals(hours) && other.exceptions.equals(exceptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hours, exceptions);
    }
}
