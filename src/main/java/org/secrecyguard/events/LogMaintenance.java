package org.secrecyguard.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the log within bounds without losing evidence: uploaded events go after the retention period,
 * or earlier (oldest upload first) when the file passes its size cap; events the collector has not
 * acknowledged are never deleted. If the cap is still exceeded, one {@link EventKind#LOG_CAP_WARNING}
 * is logged per crossing (the flag is kept in the database, so a restart does not repeat it) and
 * re-armed once usage falls below 90 % of the cap. Runs on the writer thread only.
 */
final class LogMaintenance {
    private static final Logger LOG = Logger.getLogger(LogMaintenance.class.getName());
    private static final String CAP_FLAG = "cap_warned";
    private static final int PRUNE_CHUNK = 2_000;

    private final EventLogConfig config;
    private final java.util.function.Consumer<List<Event>> notify;
    private boolean capWarned;
    private boolean needsVacuum;

    LogMaintenance(Connection conn, EventLogConfig config, java.util.function.Consumer<List<Event>> notify)
            throws SQLException {
        this.config = config;
        this.notify = notify;
        this.capWarned = "1".equals(meta(conn, CAP_FLAG));
    }

    /** Deletes uploaded events older than the retention period; returns how many. Caller holds a transaction. */
    int pruneExpired(Connection conn) throws SQLException {
        long cutoff = config.clock().millis() - config.retention().toMillis();
        try (PreparedStatement ps = conn.prepareStatement(
                "DELETE FROM events WHERE uploaded_at IS NOT NULL AND time_ms < ?")) {
            ps.setLong(1, cutoff);
            int n = ps.executeUpdate();
            needsVacuum |= n > 0;
            return n;
        }
    }

    /** After each commit, outside any transaction: size cap, then give freed pages back. */
    void afterCommit(Connection conn) throws SQLException {
        enforceCap(conn);
        if (needsVacuum) {
            needsVacuum = false;
            vacuumQuietly(conn);
        }
    }

    /** Periodic work while idle, outside any transaction. */
    void idle(Connection conn) throws SQLException {
        inTx(conn, () -> pruneExpired(conn));
        afterCommit(conn);
    }

    /**
     * Enforces the size cap, outside any transaction. Cheap when under the cap (three PRAGMA reads); opens
     * a transaction only when it has to write. Returns how many uploaded events it pruned.
     */
    int enforceCap(Connection conn) throws SQLException {
        long cap = config.sizeCapBytes();
        long lowWater = cap / 10 * 9;
        long used = usedBytes(conn);
        int[] pruned = {0};
        Event[] warning = {null};
        if (used > cap) {
            long[] u = {used};
            inTx(conn, () -> {
                // Prune to below the low-water mark, not just under the cap, so the next commits have room.
                while (u[0] > lowWater) {
                    int n = pruneOldestUploaded(conn);
                    if (n == 0) {
                        break;
                    }
                    pruned[0] += n;
                    u[0] = usedBytes(conn);
                }
                if (u[0] > cap && !capWarned) {
                    warning[0] = Event.system(EventKind.LOG_CAP_WARNING, String.format(
                            "event log uses %d KiB, over its cap of %d KiB; %d events wait for upload and are kept",
                            u[0] >> 10, cap >> 10, pendingCount(conn))).clock(config.clock()).build();
                    try (PreparedStatement ps = conn.prepareStatement(EventRows.INSERT)) {
                        EventRows.bind(ps, warning[0]);
                        ps.executeUpdate();
                    }
                    setMeta(conn, CAP_FLAG, "1");
                }
            });
            used = u[0];
        }
        if (warning[0] != null) {
            capWarned = true;
            LOG.log(Level.WARNING, "event log over its size cap: {0}", warning[0].detail());
            notify.accept(List.of(warning[0]));
        } else if (capWarned && used < lowWater) {
            inTx(conn, () -> setMeta(conn, CAP_FLAG, "0"));
            capWarned = false;
        }
        needsVacuum |= pruned[0] > 0;
        return pruned[0];
    }

    /** Returns freed pages to the file system (auto_vacuum is INCREMENTAL on logs this code created). */
    private static void vacuumQuietly(Connection conn) {
        try (Statement s = conn.createStatement()) {
            s.execute("PRAGMA incremental_vacuum");
        } catch (SQLException e) {
            LOG.log(Level.FINE, "incremental vacuum skipped: {0}", e.getMessage());
        }
    }

    static long usedBytes(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement()) {
            long pages = longOf(s, "PRAGMA page_count");
            long free = longOf(s, "PRAGMA freelist_count");
            long size = longOf(s, "PRAGMA page_size");
            return (pages - free) * size;
        }
    }

    private static int pruneOldestUploaded(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement()) {
            return s.executeUpdate("DELETE FROM events WHERE seq IN (SELECT seq FROM events"
                    + " WHERE uploaded_at IS NOT NULL ORDER BY uploaded_at LIMIT " + PRUNE_CHUNK + ")");
        }
    }

    private static long pendingCount(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement()) {
            return longOf(s, "SELECT count(*) FROM events WHERE uploaded_at IS NULL");
        }
    }

    private static long longOf(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String meta(Connection conn, String key) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void setMeta(Connection conn, String key, String value) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private static void inTx(Connection conn, SqlWork work) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                work.run();
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // already rolled back
                }
                throw e;
            }
        }
    }
}
