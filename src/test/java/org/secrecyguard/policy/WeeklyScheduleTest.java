package org.secrecyguard.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final WeeklySchedule MONDAY_NOON = WeeklySchedule.parse("MON 12:30").orElseThrow();

    private static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), BEIJING).toInstant();
    }

    @Test
    void parsesDayAndTimeAndOff() {
        assertEquals(new WeeklySchedule(DayOfWeek.MONDAY, LocalTime.of(12, 30)), MONDAY_NOON);
        assertEquals(DayOfWeek.FRIDAY, WeeklySchedule.parse("friday 9:05").orElseThrow().day());
        assertTrue(WeeklySchedule.parse("off").isEmpty());
        assertTrue(WeeklySchedule.parse("").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> WeeklySchedule.parse("someday 12:00"));
        assertThrows(IllegalArgumentException.class, () -> WeeklySchedule.parse("MON 25:00"));
        assertThrows(IllegalArgumentException.class, () -> WeeklySchedule.parse("MON 12:30:99"));
        assertThrows(IllegalArgumentException.class, () -> WeeklySchedule.parse("MON 12"));
        assertThrows(IllegalArgumentException.class, () -> WeeklySchedule.parse("MO 12:30"));
    }

    @Test
    void dueOncePerSlotAndCatchesUpAfterThePcWasOff() {
        // 2026-12-07 is a Monday.
        assertFalse(MONDAY_NOON.due(at("2026-12-07T12:00:00"), BEIJING, at("2026-11-30T12:31:00")), "before the slot");
        assertTrue(MONDAY_NOON.due(at("2026-12-07T12:30:00"), BEIJING, at("2026-11-30T12:31:00")), "at the slot");
        assertFalse(MONDAY_NOON.due(at("2026-12-07T15:00:00"), BEIJING, at("2026-12-07T12:31:00")), "ran already");
        assertTrue(MONDAY_NOON.due(at("2026-12-09T08:00:00"), BEIJING, at("2026-11-30T12:31:00")),
                "off on Monday: runs on Wednesday morning");
        assertTrue(MONDAY_NOON.due(at("2026-12-09T08:00:00"), BEIJING, null), "never ran");
    }
}
