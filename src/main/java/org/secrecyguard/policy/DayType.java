package org.secrecyguard.policy;

import java.util.Locale;

/** An exception to the regular week in the holiday calendar. */
public enum DayType {
    /** A public holiday (法定节假日 or a rest day of the holiday arrangement): no work time at all. */
    HOLIDAY,
    /** A make-up working day (调休上班), usually a Saturday or Sunday: counts as a normal working day. */
    WORKDAY;

    /** Parses "holiday"/"休" and "workday"/"班" (as printed on Chinese calendars). */
    public static DayType parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "holiday":
            case "休":
                return HOLIDAY;
            case "workday":
            case "班":
                return WORKDAY;
            default:
                throw new IllegalArgumentException("day type must be holiday or workday: " + text);
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
