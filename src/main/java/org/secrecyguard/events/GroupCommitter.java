package org.secrecyguard.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The event log's only writer: one thread that owns the write connection and commits whatever writes
 * are waiting as one transaction. Each commit costs one fsync of the WAL, so sixty threads appending at
 * once pay for one fsync instead of sixty, while each of them still returns only once its own row is on
 * disk. When a group fails, its writes are retried one by one so one bad write cannot sink the others.
 */
final class GroupCommitter {
    private static final Logger LOG = Logger.getLogger(GroupCommitter.class.getName());
    private static final int MAX_TASKS_PER_GROUP = 2_000;

    /** A write run inside the group's transaction; its result is handed out after the commit. */
    interface Op<T> {
        T apply(Tx tx) throws SQLException;
    }

    /** What the writer does between groups and when idle; runs on the writer thread with the connection. */
    interface Hooks {
        void afterCommit(Connection conn, List<Event> appended);

        void idle(Connection conn);

        long idleMillis();
    }

    /** The open transaction of a group: appends are batched into one statement execution. */
    static final class Tx {
        private final Connection conn;
        private final PreparedStatement insert;
        private int batched;

        Tx(Connection conn) throws SQLException {
            this.conn = conn;
            this.insert = conn.prepareStatement(EventRows.INSERT);
        }

        void insert(Event e) throws SQLException {
            EventRows.bind(insert, e);
            insert.addBatch();
            batched++;
        }

        /** Runs batched appends; any other statement must call this first to keep the order of writes. */
        Connection connection() throws SQLException {
            flush();
            return conn;
        }

        void flush() throws SQLException {
            if (batched > 0) {
                batched = 0;
                insert.executeBatch();
            }
        }

        void discard() throws SQLException {
            batched = 0;
            insert.clearBatch();
        }
    }

    private record Task(Op<?> op, CompletableFuture<Object> done, List<Event> appended) {
    }

    private static final Task STOP = new Task(null, null, List.of());

    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Connection conn;
    private final Tx tx;
    private final Hooks hooks;
    private final Thread thread;
    private volatile boolean closed;

    GroupCommitter(Connection conn, Hooks hooks, String name) throws SQLException {
        this.conn = conn;
        this.tx = new Tx(conn);
        this.hooks = hooks;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code op}; the future completes after the transaction holding it has committed. */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> submit(Op<T> op, List<Event> appended) {
        if (closed) {
            throw new IllegalStateException("event log is closed");
        }
        CompletableFuture<Object> done = new CompletableFuture<>();
        queue.add(new Task(op, done, appended));
        return (CompletableFuture<T>) (CompletableFuture<?>) done;
    }

    /** Commits everything already queued, then stops the thread. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean onWriterThread() {
        return Thread.currentThread() == thread;
    }

    private void run() {
        boolean stop = false;
        List<Task> group = new ArrayList<>();
        while (!stop) {
            Task first;
            try {
                first = queue.poll(hooks.idleMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = STOP;
            }
            if (first == null) {
                runHook(() -> hooks.idle(conn));
                continue;
            }
            group.clear();
            group.add(first);
            queue.drainTo(group, MAX_TASKS_PER_GROUP - 1);
            if (group.remove(STOP)) {
                stop = true;
                // Tasks queued after STOP cannot exist: submit refuses once closed is set.
            }
            if (!group.isEmpty()) {
                try {
                    commitGroup(group);
                } catch (Throwable t) { // an Error must not leave callers waiting on a dead writer
                    group.forEach(task -> task.done.completeExceptionally(t));
                    LOG.log(Level.SEVERE, "event log writer hit an error", t);
                }
            }
        }
        // A submit that raced with close() may have queued behind STOP: tell it instead of letting it time out.
        Task late;
        while ((late = queue.poll()) != null) {
            if (late != STOP) {
                late.done.completeExceptionally(new IllegalStateException("event log is closed"));
            }
        }
    }

    private void commitGroup(List<Task> group) {
        try {
            Object[] results = runInTransaction(group);
            List<Event> appended = new ArrayList<>();
            for (Task t : group) {
                appended.addAll(t.appended);
            }
            // Hooks run before the callers are released, so a listener has heard of an event by the time
            // append() returns; the events are already committed either way.
            runHook(() -> hooks.afterCommit(conn, appended));
            for (int i = 0; i < group.size(); i++) {
                group.get(i).done.complete(results[i]);
            }
        } catch (SQLException | RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).done.completeExceptionally(e);
                return;
            }
            LOG.log(Level.WARNING, "event log group commit failed; retrying writes one by one: {0}", e.toString());
            for (Task t : group) {
                commitGroup(List.of(t));
            }
        }
    }

    private Object[] runInTransaction(List<Task> group) throws SQLException {
        Object[] results = new Object[group.size()];
        try (Statement s = conn.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                for (int i = 0; i < group.size(); i++) {
                    results[i] = group.get(i).op.apply(tx);
                }
                tx.flush();
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                tx.discard();
                rollbackQuietly(s);
                throw e;
            }
        }
        return results;
    }

    private static void rollbackQuietly(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction left to roll back (SQLite may have rolled back itself on an I/O error)
        }
    }

    private static void runHook(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event log maintenance failed", e);
        }
    }
}
