package org.secrecyguard.rules;

import static org.secrecyguard.rules.SqlSupport.exec;
import static org.secrecyguard.rules.SqlSupport.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.secrecyguard.policy.DayType;
import org.secrecyguard.policy.TimeRange;
import org.secrecyguard.policy.WorkCalendar;
import org.secrecyguard.policy.WorkHours;

/**
 * The {@code work_hours} table (one row: working days and periods) and the {@code calendar_day} table
 * (holidays and make-up working days), kept together because they are only ever read as one
 * {@link WorkCalendar}.
 */
final class WorkCalendarTables {
    private final Connection c;

    WorkCalendarTables(Connection c) {
        this.c = c;
    }

    void setHours(WorkHours hours) throws SQLException {
        update(c, "INSERT INTO work_hours (id, days, periods) VALUES (1, ?, ?)"
                        + " ON CONFLICT(id) DO UPDATE SET days = excluded.days, periods = excluded.periods",
                formatDays(hours.days()), formatPeriods(hours.periods()));
    }

    /** Writes the dates (a date given again takes the new type); returns how many. */
    int importDays(Map<LocalDate, DayType> days, boolean replace) throws SQLException {
        if (replace) {
            exec(c, "DELETE FROM calendar_day");
        }
        for (Map.Entry<LocalDate, DayType> e : new TreeMap<>(days).entrySet()) {
            update(c, "INSERT INTO calendar_day (day, type) VALUES (?, ?)"
                    + " ON CONFLICT(day) DO UPDATE SET type = excluded.type", e.getKey().toString(), e.getValue().id());
        }
        return days.size();
    }

    WorkCalendar read() throws SQLException {
        WorkHours hours;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT days, periods FROM work_hours WHERE id = 1")) {
            if (!rs.next()) {
                throw new RulesException("rules database has no work hours");
            }
            try {
                hours = new WorkHours(WorkHours.parseDays(rs.getString(1)), WorkHours.parsePeriods(rs.getString(2)));
            } catch (IllegalArgumentException e) {
                throw new RulesException("rules database work hours are damaged: " + e.getMessage(), e);
            }
        }
        Map<LocalDate, DayType> days = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT day, type FROM calendar_day")) {
            while (rs.next()) {
                try {
                    days.put(LocalDate.parse(rs.getString(1)), DayType.parse(rs.getString(2)));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw new RulesException("rules database calendar entry is damaged: " + rs.getString(1), e);
                }
            }
        }
        return new WorkCalendar(hours, days);
    }

    /** Stored form of the working days ("MON,TUE,..."), read back by {@link WorkHours#parseDays}. */
    static String formatDays(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    /** Stored form of the working periods, read back by {@link WorkHours#parsePeriods}. */
    static String formatPeriods(List<TimeRange> periods) {
        return periods.stream().map(TimeRange::toString).collect(Collectors.joining(","));
    }
}
