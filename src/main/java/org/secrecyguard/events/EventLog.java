package org.secrecyguard.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sqlite.SQLiteConfig;

/**
 * The guard's local, crash-safe record of every decision: a SQLite database in WAL mode.
 *
 * <p><b>Durability.</b> When {@link #append} or {@link #appendAll} returns, the event is on disk and
 * survives a killed process and a power cut. The log runs with {@code synchronous=FULL}: in WAL mode
 * {@code NORMAL} skips the fsync at commit and syncs only at checkpoints, so a power cut could lose the
 * last acknowledged transactions (the file would stay consistent, but evidence would be gone). The cost
 * of one fsync per commit is paid once per group: a single writer thread commits all appends waiting
 * at that moment together ({@link #appendAsync} for callers that do not need to wait).
 *
 * <p><b>Nothing lost.</b> Appends are idempotent by UUID. Events not yet acknowledged by the collector
 * are never pruned; see {@link EventLogConfig} for retention and the size cap. A file left by a killed
 * process opens normally (SQLite replays or discards the WAL tail).
 *
 * <p>Thread-safe. Reads use their own connection and never wait for writes.
 */
public final class EventLog implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventLog.class.getName());

    /** Told about events after they are committed; runs on the writer thread, so it must be quick. */
    @FunctionalInterface
    public interface Listener {
        void committed(List<Event> events);
    }

    private final Path file;
    private final EventLogConfig config;
    private final Connection writeConn;
    private final EventReader reader;
    private final GroupCommitter writer;
    private final LogMaintenance maintenance;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile long nextMaintenance;

    private EventLog(Path file, EventLogConfig config, Connection writeConn, EventReader reader)
            throws SQLException {
        this.file = file;
        this.config = config;
        this.writeConn = writeConn;
        this.reader = reader;
        this.maintenance = new LogMaintenance(writeConn, config, this::notifyListeners);
        this.nextMaintenance = 0; // first idle tick prunes and checks the size
        this.writer = new GroupCommitter(writeConn, new GroupCommitter.Hooks() {
            @Override
            public void afterCommit(Connection conn, List<Event> appended) {
                try {
                    maintenance.afterCommit(conn);
                } catch (SQLException e) {
                    LOG.log(Level.WARNING, "event log size check failed: {0}", e.getMessage());
                }
                notifyListeners(appended);
            }

            @Override
            public void idle(Connection conn) {
                if (config.clock().millis() < nextMaintenance) {
                    return;
                }
                nextMaintenance = config.clock().millis() + config.maintenanceInterval().toMillis();
                try {
                    maintenance.idle(conn);
                } catch (SQLException e) {
                    LOG.log(Level.WARNING, "event log maintenance failed: {0}", e.getMessage());
                }
            }

            @Override
            public long idleMillis() {
                return Math.max(10, Math.min(60_000, nextMaintenance - config.clock().millis()));
            }
        }, "event-log-writer");
    }

    /** Opens the log at {@code file} with default settings, creating it (and its folder) when missing. */
    public static EventLog open(Path file) {
        return open(file, EventLogConfig.defaults());
    }

    /** Opens or creates the log at {@code file}, upgrading an older schema in place. */
    public static EventLog open(Path file, EventLogConfig config) {
        Path abs = file.toAbsolutePath();
        Connection w = null;
        try {
            Path dir = abs.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setBusyTimeout(10_000);
            w = DriverManager.getConnection("jdbc:sqlite:" + abs, cfg.toProperties());
            try (Statement s = w.createStatement()) {
                if (EventSchema.version(w) == 0) {
                    // Only possible before the first table exists: lets pruning give space back to the disk.
                    s.execute("PRAGMA auto_vacuum = INCREMENTAL");
                }
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA journal_size_limit = " + (64L << 20));
                // Random UUIDs land all over the unique index: keep it in memory (16 MiB) rather than re-read pages.
                s.execute("PRAGMA cache_size = -16384");
            }
            EventSchema.migrate(w, abs.toString());
            EventReader r = EventReader.open(abs);
            return new EventLog(abs, config, w, r);
        } catch (SQLException | IOException e) {
            closeQuietly(w);
            throw new EventLogException("cannot open event log " + abs + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(w);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one event; when this returns it is on disk. Appending the same UUID again does nothing. */
    public void append(Event event) {
        await(appendAsync(event));
    }

    /**
     * Appends one event through the group commit; the future completes once it is on disk. Callers that
     * must not wait (a watcher thread) use this and the event is still committed with its neighbours.
     */
    public CompletableFuture<Void> appendAsync(Event event) {
        List<Event> one = List.of(event);
        return writer.submit(tx -> {
            tx.insert(event);
            return null;
        }, one);
    }

    /** Appends all events in one transaction; when this returns they are all on disk. */
    public void appendAll(Collection<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Event> copy = List.copyOf(events);
        await(writer.submit(tx -> {
            for (Event e : copy) {
                tx.insert(e);
            }
            return null;
        }, copy));
    }

    /**
     * Marks events as acknowledged by the collector, durably. Unknown or already marked ids are ignored.
     * Returns how many rows changed.
     */
    public int markUploaded(Collection<UUID> ids) {
        long now = config.clock().millis();
        Map<UUID, Object> values = new java.util.LinkedHashMap<>();
        ids.forEach(id -> values.put(id, now));
        return markEach("UPDATE events SET uploaded_at = ? WHERE uuid = ? AND uploaded_at IS NULL", values);
    }

    /**
     * Marks events the collector refused for good (a line it cannot read, say), with its reason, so they
     * are not sent again; they stay in the log, and count against its size cap like pending ones. The
     * reason must not contain event content (the collector's reasons never do). Returns how many rows
     * changed.
     */
    public int markRefused(Map<UUID, String> reasons) {
        return markEach("UPDATE events SET refused_reason = ? WHERE uuid = ? AND uploaded_at IS NULL",
                new java.util.LinkedHashMap<>(reasons));
    }

    /** Runs {@code update} (value, uuid) once per entry in one durable transaction; returns rows changed. */
    private int markEach(String update, Map<UUID, ?> values) {
        if (values.isEmpty()) {
            return 0;
        }
        Map<UUID, ?> copy = Map.copyOf(values);
        Integer n = await(writer.submit(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(update)) {
                for (Map.Entry<UUID, ?> e : copy.entrySet()) {
                    ps.setObject(1, e.getValue());
                    ps.setString(2, e.getKey().toString());
                    ps.addBatch();
                }
                int changed = 0;
                for (int c : ps.executeBatch()) {
                    changed += Math.max(0, c);
                }
                return changed;
            }
        }, List.of()));
        return n;
    }

    /**
     * Prunes uploaded events past the retention period now (the writer also does it periodically) and
     * enforces the size cap. Returns how many events were deleted for age.
     */
    public int prune() {
        return await(writer.submit(tx -> maintenance.pruneExpired(tx.connection()), List.of()));
    }

    /** The newest {@code limit} events, newest first. */
    public List<Event> recent(int limit) {
        return reader.recent(limit);
    }

    public List<Event> query(EventFilter filter) {
        return reader.query(filter);
    }

    public void forEach(EventFilter filter, Consumer<Event> sink) {
        reader.forEach(filter, sink);
    }

    /** Not yet acknowledged events, national-secret first, then oldest first. */
    public List<Event> pending(int limit) {
        return reader.pending(limit);
    }

    public long count() {
        return reader.count();
    }

    public long pendingCount() {
        return reader.pendingCount();
    }

    /** Events the collector refused for good (see {@link #markRefused}). */
    public long refusedCount() {
        return reader.refusedCount();
    }

    /** Bytes in use by the database (pages not on the free list), the figure the size cap applies to. */
    public long usedBytes() {
        return await(writer.submit(tx -> LogMaintenance.usedBytes(tx.connection()), List.of()));
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Commits what is queued, checkpoints the WAL into the main file and closes. */
    @Override
    public void close() {
        writer.close();
        reader.close();
        try (Statement s = writeConn.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.log(Level.FINE, "checkpoint at close skipped: {0}", e.getMessage());
        }
        closeQuietly(writeConn);
    }

    private void notifyListeners(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        for (Listener l : listeners) {
            try {
                l.committed(events);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event log listener failed", e);
            }
        }
    }

    private <T> T await(CompletableFuture<T> f) {
        if (writer.onWriterThread()) {
            throw new IllegalStateException("an event log listener must not wait for the log");
        }
        Duration timeout = config.writeTimeout();
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof EventLogException ele) {
                throw ele;
            }
            throw new EventLogException("cannot write event log " + file + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new EventLogException("event log " + file + " did not confirm a write within "
                    + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventLogException("interrupted while writing event log " + file, e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing after a failure; the first error is the one reported
            }
        }
    }

    /** The ids of {@code events} (what {@link #markUploaded} takes). */
    static List<UUID> ids(Collection<Event> events) {
        List<UUID> out = new ArrayList<>(events.size());
        events.forEach(e -> out.add(e.id()));
        return out;
    }
}
