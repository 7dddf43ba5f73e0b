package org.secrecyguard.rules;

import static org.secrecyguard.rules.SqlSupport.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * One open connection to a rules database file: opening it (upgrading and checking the schema), the
 * transactions the table classes run in, and the operations on the file as a whole. The table classes
 * throw {@link SQLException}; {@link #query} and {@link #txResult} turn it into a {@link RulesException}
 * that names the file, so only this class decides what a database error looks like to callers.
 */
final class RulesDatabase implements AutoCloseable {
    private final Path path;
    private final Connection c;

    private RulesDatabase(Path path, Connection c) {
        this.path = path;
        this.c = c;
    }

    /** Creates and initialises a new rules database; refuses to touch an existing file. */
    static RulesDatabase create(Path db) {
        if (Files.exists(db)) {
            throw new RulesException("rules database already exists: " + db);
        }
        Connection c = connect(db);
        try {
            RuleSchema.migrate(c);
            return new RulesDatabase(db, c);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            try {
                Files.deleteIfExists(db);
            } catch (IOException ignored) {
                // the half-made file stays; the error below says what failed
            }
            throw new RulesException("cannot initialise rules database " + db + ": " + e.getMessage(), e);
        }
    }

    /** Opens an existing rules database, upgrading an older schema in place and refusing a newer one. */
    static RulesDatabase open(Path db) {
        if (!Files.isRegularFile(db)) {
            throw new RulesException("no rules database at " + db + " (create one with: rules init --db " + db + ")");
        }
        Connection c = connect(db);
        try {
            int appId = SqlSupport.intPragma(c, "application_id");
            int version = SqlSupport.intPragma(c, "user_version");
            if (appId != V1Initial.APPLICATION_ID || version < 1) {
                throw new RulesException("not a SecrecyGuard rules database: " + db);
            }
            if (version > RuleSchema.CURRENT) {
                throw new RulesException("rules database " + db + " has schema version " + version
                        + ", newer than this program supports (" + RuleSchema.CURRENT + "); update SecrecyGuard");
            }
            RuleSchema.migrate(c);
            RuleSchema.check(c);
            return new RulesDatabase(db, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new RulesException("cannot open rules database " + db + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static Connection connect(Path db) {
        SQLiteConfig config = new SQLiteConfig();
        // A single file (no -wal/-shm beside it) so that a rules file can be copied and renamed atomically.
        config.setJournalMode(SQLiteConfig.JournalMode.DELETE);
        config.setBusyTimeout(5000);
        try {
            return config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
        } catch (SQLException e) {
            throw new RulesException("cannot open " + db + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    Connection connection() {
        return c;
    }

    /** Writes a consistent, compacted copy to a new file ({@code VACUUM INTO}); the target must not exist. */
    void copyTo(Path target) {
        if (Files.exists(target)) {
            throw new RulesException("copy target already exists: " + target);
        }
        String literal = target.toAbsolutePath().toString().replace("'", "''");
        query(() -> {
            exec(c, "VACUUM INTO '" + literal + "'");
            return null;
        });
    }

    /** Runs {@code PRAGMA integrity_check}; returns "ok" or SQLite's first complaint. */
    String integrityCheck() {
        return query(() -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check(1)")) {
                return rs.next() ? rs.getString(1) : "no answer";
            }
        });
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    interface SqlAction {
        void run() throws SQLException;
    }

    /** Runs reads outside an explicit transaction. */
    <T> T query(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new RulesException("rules database " + path + ": " + e.getMessage(), e);
        }
    }

    void tx(SqlAction action) {
        txResult(() -> {
            action.run();
            return null;
        });
    }

    /** Runs {@code work} in one transaction, rolled back when it throws anything. */
    <T> T txResult(SqlWork<T> work) {
        try {
            c.setAutoCommit(false);
            try {
                T result = work.run();
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new RulesException("rules database " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(c);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing useful to do: the connection is going away
        }
    }
}
