package org.secrecyguard.rules;

import static org.secrecyguard.rules.SqlSupport.exec;
import static org.secrecyguard.rules.SqlSupport.update;

import java.sql.Connection;
import java.sql.SQLException;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.ExternalApp;
import org.secrecyguard.policy.ExternalApps;
import org.secrecyguard.policy.WorkHours;

/**
 * Schema 2: stricter off-hours actions, application families for display, work hours, the holiday
 * calendar with make-up working days, and popup texts; existing rows keep their values.
 */
final class V2CalendarAndTexts implements Migration {
    @Override
    public int version() {
        return 2;
    }

    @Override
    public void apply(Connection c) throws SQLException {
        exec(c,
                "ALTER TABLE policy_rule ADD COLUMN off_hours_action TEXT",
                "ALTER TABLE external_app ADD COLUMN family TEXT NOT NULL DEFAULT 'custom'",
                "CREATE TABLE work_hours (id INTEGER PRIMARY KEY CHECK (id = 1), days TEXT NOT NULL,"
                        + " periods TEXT NOT NULL)",
                "CREATE TABLE calendar_day (day TEXT PRIMARY KEY, type TEXT NOT NULL"
                        + " CHECK (type IN ('holiday', 'workday')))",
                // channel '*' = any channel (NULL cannot take part in a primary key reliably).
                "CREATE TABLE popup_text (level TEXT NOT NULL, channel TEXT NOT NULL, locale TEXT NOT NULL,"
                        + " explanation TEXT NOT NULL, advice TEXT NOT NULL, PRIMARY KEY (level, channel, locale))");
        ExternalApps apps = ExternalApps.defaults();
        for (Channel channel : Channel.values()) {
            for (ExternalApp app : apps.forChannel(channel)) {
                update(c, "UPDATE external_app SET family = ? WHERE name = ?", app.family(), app.name());
            }
        }
        WorkHours hours = WorkHours.defaults();
        update(c, "INSERT INTO work_hours (id, days, periods) VALUES (1, ?, ?)",
                WorkCalendarTables.formatDays(hours.days()), WorkCalendarTables.formatPeriods(hours.periods()));
        for (PopupText t : DefaultPopupTexts.all()) {
            update(c, "INSERT INTO popup_text (level, channel, locale, explanation, advice) VALUES (?, ?, ?, ?, ?)",
                    t.level().name(), t.channel() == null ? "*" : t.channel().name(), t.locale(),
                    t.explanation(), t.advice());
        }
    }
}
