package org.secrecyguard.events;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The event log's tables, versioned with {@code PRAGMA user_version}. Each entry of {@link #MIGRATIONS}
 * takes the schema from version i to i+1 and runs in one transaction, so a log written by an older
 * guard is upgraded in place and a crash half-way leaves the old version intact. A log written by a
 * newer guard is refused rather than misread.
 */
final class EventSchema {
    private static final List<List<String>> MIGRATIONS = List.of(
            // 0 -> 1
            List.of("""
                    CREATE TABLE events (
                      seq INTEGER PRIMARY KEY,
                      uuid TEXT NOT NULL UNIQUE,
                      time_ms INTEGER NOT NULL,
                      zone TEXT NOT NULL,
                      kind TEXT NOT NULL,
                      user_name TEXT,
                      host TEXT,
                      channel TEXT NOT NULL,
                      action TEXT NOT NULL,
                      level TEXT,
                      level_rank INTEGER,
                      national INTEGER NOT NULL,
                      rules TEXT,
                      detector TEXT,
                      evidence TEXT,
                      file_name TEXT,
                      file_size INTEGER,
                      file_sha256 TEXT,
                      dest_app TEXT,
                      dest_title TEXT,
                      dev_vendor TEXT,
                      dev_product TEXT,
                      dev_serial TEXT,
                      override_reason TEXT,
                      rules_version TEXT,
                      detail TEXT,
                      uploaded_at INTEGER
                    )""",
                    "CREATE INDEX events_time ON events(time_ms)",
                    // Only pending rows are in this index: the uploader's query stays cheap however long the history.
                    "CREATE INDEX events_pending ON events(national DESC, time_ms, seq) WHERE uploaded_at IS NULL",
                    // Pruning takes uploaded rows oldest-upload first without scanning the pending ones.
                    "CREATE INDEX events_uploaded ON events(uploaded_at) WHERE uploaded_at IS NOT NULL",
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            // 1 -> 2: events the collector refused for good are kept here with its reason, and no longer
            // sent again and again (nor do they hold up the events behind them).
            List.of("ALTER TABLE events ADD COLUMN refused_reason TEXT",
                    "DROP INDEX events_pending",
                    "CREATE INDEX events_pending ON events(national DESC, time_ms, seq)"
                            + " WHERE uploaded_at IS NULL AND refused_reason IS NULL"));

    /** The schema version this code writes. */
    static final int LATEST = MIGRATIONS.size();

    private EventSchema() {
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Brings the schema to {@link #LATEST}; the connection must be in auto-commit mode. */
    static void migrate(Connection c, String where) throws SQLException {
        int version = version(c);
        if (version > LATEST) {
            throw new EventLogException("event log " + where + " has schema version " + version
                    + ", newer than this program understands (" + LATEST + "); update SecrecyGuard");
        }
        for (int v = version; v < LATEST; v++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + (v + 1));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
