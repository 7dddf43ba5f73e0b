package org.secrecyguard.selfcheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The self-check's memory (SQLite): one row per file read (size, time, identity, rules key, verdict,
 * level, masked findings; the content hash only for flagged files), the item sets of the rules keys in
 * use, and the runs with their progress, so an interrupted check resumes where it stopped. It holds no
 * text of any file. One connection, used under this object's lock.
 */
public final class CheckIndex implements AutoCloseable {
    static final int SCHEMA = 1;
    private final Connection conn;
    private final Path file;

    private CheckIndex(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    /** Opens (creating) the index at {@code file}. */
    public static CheckIndex open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // A lost last batch after a power cut only means those files are read again.
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                int version;
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (version > SCHEMA) {
                    c.close();
                    throw new IllegalStateException("self-check index " + file + " was written by a newer version");
                }
                if (version == 0) {
                    c.setAutoCommit(false);
                    s.execute("""
                            CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ms INTEGER NOT NULL,
                              file_key TEXT NOT NULL, rules_key TEXT NOT NULL, verdict TEXT NOT NULL, level TEXT,
                              findings TEXT NOT NULL, sha256 TEXT, error INTEGER NOT NULL, message TEXT NOT NULL, checked_run INTEGER NOT NULL)""");
                    s.execute("CREATE TABLE rule_sets (rules_key TEXT NOT NULL, item TEXT NOT NULL,"
                            + " PRIMARY KEY (rules_key, item)) WITHOUT ROWID");
                    s.execute("""
                            CREATE TABLE runs (id INTEGER PRIMARY KEY, started_ms INTEGER NOT NULL, finished_ms INTEGER,
                              state TEXT NOT NULL, roots TEXT NOT NULL, full INTEGER NOT NULL,
                              files_read INTEGER NOT NULL DEFAULT 0, bytes_read INTEGER NOT NULL DEFAULT 0,
                              spent_ms INTEGER NOT NULL DEFAULT 0)""");
                    s.execute("PRAGMA user_version=" + SCHEMA);
                    c.commit();
                    c.setAutoCommit(true);
                }
            }
            return new CheckIndex(file, c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the self-check index " + file + ": " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    // ------------------------------------------------------------------ runs

    /** A run: {@code state} is RUNNING (or interrupted, if no process holds it), DONE or CANCELLED. */
    public record Run(long id, long startedMillis, Long finishedMillis, String state, List<String> roots,
                      boolean full, long filesRead, long bytesRead, long spentMillis) {
        public boolean finished() {
            return state.equals("DONE");
        }
    }

    public synchronized Run beginRun(List<String> roots, boolean full, long nowMillis) {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO runs (started_ms, state, roots, full) VALUES (?, 'RUNNING', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, nowMillis);
            ps.setString(2, String.join("\n", roots));
            ps.setInt(3, full ? 1 : 0);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return run(rs.getLong(1)).orElseThrow();
            }
        } catch (SQLException e) {
            throw fail("begin a run", e);
        }
    }

    /** The latest run that did not finish (stopped, cancelled or killed), if it is the latest run at all. */
    public synchronized Optional<Run> unfinishedRun() {
        Optional<Run> last = lastRun();
        return last.filter(r -> !r.finished());
    }

    public synchronized Optional<Run> lastRun() {
        return query("SELECT * FROM runs ORDER BY id DESC LIMIT 1");
    }

    public synchronized Optional<Run> lastFinishedRun() {
        return query("SELECT * FROM runs WHERE state = 'DONE' ORDER BY id DESC LIMIT 1");
    }

    public synchronized Optional<Run> run(long id) {
        return query("SELECT * FROM runs WHERE id = " + id);
    }

    private Optional<Run> query(String sql) {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long fin = rs.getLong("finished_ms");
            Long finished = rs.wasNull() ? null : fin;
            String roots = rs.getString("roots");
            return Optional.of(new Run(rs.getLong("id"), rs.getLong("started_ms"), finished, rs.getString("state"),
                    roots.isEmpty() ? List.of() : List.of(roots.split("\n")), rs.getInt("full") == 1,
                    rs.getLong("files_read"), rs.getLong("bytes_read"), rs.getLong("spent_ms")));
        } catch (SQLException e) {
            throw fail("read runs", e);
        }
    }

    /** Adds a segment's work to the run and sets its state (RUNNING while it goes on, DONE, CANCELLED). */
    public synchronized void updateRun(long id, String state, long filesRead, long bytesRead, long spentMillis,
                                       Long finishedMillis) {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE runs SET state = ?, files_read = files_read + ?,"
                + " bytes_read = bytes_read + ?, spent_ms = spent_ms + ?, finished_ms = ? WHERE id = ?")) {
            ps.setString(1, state);
            ps.setLong(2, filesRead);
            ps.setLong(3, bytesRead);
            ps.setLong(4, spentMillis);
            if (finishedMillis == null) {
                ps.setNull(5, java.sql.Types.INTEGER);
            } else {
                ps.setLong(5, finishedMillis);
            }
            ps.setLong(6, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("update run", e);
        }
    }

    // ------------------------------------------------------------------ rules keys

    /** Records the items of a rules key (once), so a later update can tell a removal from an addition. */
    public synchronized void rememberRules(RulesKey rules) {
        try {
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT OR IGNORE INTO rule_sets (rules_key, item) VALUES (?, ?)")) {
                for (String item : rules.items()) {
                    ps.setString(1, rules.key());
                    ps.setString(2, item);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            conn.commit();
        } catch (SQLException e) {
            rollback();
            throw fail("store rules key", e);
        } finally {
            autoCommit();
        }
    }

    /** The items of a rules key recorded earlier (empty when unknown). */
    public synchronized Set<String> rulesItems(String key) {
        Set<String> items = new HashSet<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT item FROM rule_sets WHERE rules_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw fail("read rules key", e);
        }
        return items;
    }

    // ------------------------------------------------------------------ files

    /**
     * Every row whose path lies under {@code root} (all rows for the empty root), by path. The few
     * distinct rules keys and the empty findings list are shared between rows: a walk of a whole disk
     * holds these rows at once, in the tray app's small heap too.
     */
    public synchronized Map<String, IndexedFile> filesUnder(String root) {
        Map<String, IndexedFile> rows = new HashMap<>();
        Map<String, String> shared = new HashMap<>();
        forEachUnder(root, f -> rows.put(f.path(), new IndexedFile(f.path(), f.stamp(),
                shared.computeIfAbsent(f.rulesKey(), k -> k), shared.computeIfAbsent(f.verdict(), k -> k), f.level(),
                f.findingsJson().equals("[]") ? "[]" : f.findingsJson(), f.sha256(), f.error(),
                f.message().isEmpty() ? "" : f.message(), f.checkedRun())));
        return rows;
    }

    /** Streams the rows under {@code root} in path order. */
    public synchronized void forEachUnder(String root, Consumer<IndexedFile> sink) {
        String sql = root.isEmpty() ? "SELECT * FROM files ORDER BY path"
                : "SELECT * FROM files WHERE path = ? OR (path >= ? AND path < ?) ORDER BY path";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (!root.isEmpty()) {
                String prefix = withSeparator(root);
                ps.setString(1, root);
                ps.setString(2, prefix);
                // Every path starting with the prefix sorts below the prefix followed by the highest char.
                ps.setString(3, prefix + Character.MAX_VALUE);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(row(rs));
                }
            }
        } catch (SQLException e) {
            throw fail("read files", e);
        }
    }

    /** Flagged rows under any of the roots, by path: what the report lists. */
    public synchronized List<IndexedFile> flaggedUnder(List<String> roots) {
        List<IndexedFile> out = new ArrayList<>();
        for (String root : roots) {
            forEachUnder(root, f -> {
                if (f.flagged()) {
                    out.add(f);
                }
            });
        }
        return out;
    }

    public synchronized Optional<IndexedFile> get(String path) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM files WHERE path = ?")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("read file", e);
        }
    }

    /** Writes rows in one transaction (the check writes in batches: a crash loses at most one batch). */
    public synchronized void putAll(List<IndexedFile> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO files (path, size, mtime_ms,"
                    + " file_key, rules_key, verdict, level, findings, sha256, error, message, checked_run)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (IndexedFile f : rows) {
                    ps.setString(1, f.path());
                    ps.setLong(2, f.stamp().size());
                    ps.setLong(3, f.stamp().mtimeMillis());
                    ps.setString(4, f.stamp().fileKey());
                    ps.setString(5, f.rulesKey());
                    ps.setString(6, f.verdict());
                    ps.setString(7, f.level());
                    ps.setString(8, f.findingsJson());
                    ps.setString(9, f.sha256());
                    ps.setInt(10, f.error() ? 1 : 0);
                    ps.setString(11, f.message());
                    ps.setLong(12, f.checkedRun());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            conn.commit();
        } catch (SQLException e) {
            rollback();
            throw fail("write files", e);
        } finally {
            autoCommit();
        }
    }

    /** Moves clean rows to another rules key without reading the files (a rules update that only removed rules). */
    public synchronized void rekey(List<String> paths, String rulesKey) {
        try {
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement("UPDATE files SET rules_key = ? WHERE path = ?")) {
                for (String p : paths) {
                    ps.setString(1, rulesKey);
                    ps.setString(2, p);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            conn.commit();
        } catch (SQLException e) {
            rollback();
            throw fail("rekey files", e);
        } finally {
            autoCommit();
        }
    }

    /** Forgets files that are gone. */
    public synchronized void removeAll(List<String> paths) {
        try {
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM files WHERE path = ?")) {
                for (String p : paths) {
                    ps.setString(1, p);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            conn.commit();
        } catch (SQLException e) {
            rollback();
            throw fail("remove files", e);
        } finally {
            autoCommit();
        }
    }

    private static IndexedFile row(ResultSet rs) throws SQLException {
        return new IndexedFile(rs.getString("path"),
                new FileStamp(rs.getLong("size"), rs.getLong("mtime_ms"), rs.getString("file_key")),
                rs.getString("rules_key"), rs.getString("verdict"), rs.getString("level"), rs.getString("findings"),
                rs.getString("sha256"), rs.getInt("error") == 1, rs.getString("message"), rs.getLong("checked_run"));
    }

    static String withSeparator(String root) {
        String sep = root.contains("\\") && !root.contains("/") ? "\\" : "/";
        return root.endsWith(sep) ? root : root + sep;
    }

    private void rollback() {
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    private void autoCommit() {
        try {
            conn.setAutoCommit(true);
        } catch (SQLException ignored) {
            // next use will say
        }
    }

    private IllegalStateException fail(String what, SQLException e) {
        return new IllegalStateException("self-check index " + file + ": cannot " + what + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // closing: nothing left to save
        }
    }
}
