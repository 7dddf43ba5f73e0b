package org.secrecyguard.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * Read-only access to an event log. Safe to use while the guard is writing the same file (WAL readers
 * see the last committed state and never block the writer); one reader may be shared by threads.
 */
public final class EventReader implements AutoCloseable {
    /** The rows the uploader still has to send (matches the partial index events_pending). */
    private static final String PENDING = "uploaded_at IS NULL AND refused_reason IS NULL";

    private final Path file;
    private final Connection conn;

    private EventReader(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    /** Opens an existing event log for reading; fails clearly when the file is missing or is not one. */
    public static EventReader open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EventLogException("no event log at " + file);
        }
        try {
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setReadOnly(true);
            cfg.setBusyTimeout(10_000);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), cfg.toProperties());
            try {
                int version = EventSchema.version(c);
                if (version == 0 || version > EventSchema.LATEST) {
                    throw new EventLogException(version == 0 ? file + " is not an event log"
                            : "event log " + file + " has schema version " + version + ", newer than this program ("
                            + EventSchema.LATEST + ")");
                }
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
            return new EventReader(file, c);
        } catch (SQLException e) {
            throw new EventLogException("cannot read event log " + file + ": " + e.getMessage(), e);
        }
    }

    static EventReader over(Path file, Connection conn) {
        return new EventReader(file, conn);
    }

    /** The newest {@code limit} events, newest first. */
    public List<Event> recent(int limit) {
        return query(EventFilter.ALL.limit(limit).newestFirst(true));
    }

    public List<Event> query(EventFilter filter) {
        List<Event> out = new ArrayList<>();
        forEach(filter, out::add);
        return out;
    }

    /** Streams matching events to {@code sink} without holding them all in memory (exports). */
    public synchronized void forEach(EventFilter filter, Consumer<Event> sink) {
        StringBuilder sql = new StringBuilder(EventRows.SELECT).append(" WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (filter.since() != null) {
            sql.append(" AND time_ms >= ?");
            args.add(filter.since().toEpochMilli());
        }
        if (filter.until() != null) {
            sql.append(" AND time_ms < ?");
            args.add(filter.until().toEpochMilli());
        }
        if (filter.minLevel() != null) {
            sql.append(" AND level_rank <= ?");
            args.add(filter.minLevel().ordinal());
        }
        if (filter.channel() != null) {
            sql.append(" AND channel = ?");
            args.add(filter.channel());
        }
        if (filter.kind() != null) {
            sql.append(" AND kind = ?");
            args.add(filter.kind().name());
        }
        String dir = filter.newestFirst() ? " DESC" : "";
        sql.append(" ORDER BY time_ms").append(dir).append(", seq").append(dir);
        if (filter.limit() > 0) {
            sql.append(" LIMIT ").append(filter.limit());
        }
        try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(EventRows.read(rs));
                }
            }
        } catch (SQLException e) {
            throw new EventLogException("cannot query event log " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Events not yet acknowledged by the collector (nor refused by it), national-secret ones first, then
     * oldest first: the order the uploader sends them in.
     */
    public synchronized List<Event> pending(int limit) {
        String sql = EventRows.SELECT + " WHERE " + PENDING + " ORDER BY national DESC, time_ms, seq LIMIT ?";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setInt(1, limit);
            List<Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(EventRows.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new EventLogException("cannot query event log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Number of events in the log. */
    public long count() {
        return scalar("SELECT count(*) FROM events");
    }

    /** Number of events still to send: not acknowledged by the collector, nor refused by it. */
    public long pendingCount() {
        return scalar("SELECT count(*) FROM events WHERE " + PENDING);
    }

    /** Number of events the collector refused for good; they stay in the log and are not sent again. */
    public long refusedCount() {
        return scalar("SELECT count(*) FROM events WHERE uploaded_at IS NULL AND refused_reason IS NOT NULL");
    }

    private synchronized long scalar(String sql) {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new EventLogException("cannot query event log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new EventLogException("cannot close event log " + file, e);
        }
    }
}
