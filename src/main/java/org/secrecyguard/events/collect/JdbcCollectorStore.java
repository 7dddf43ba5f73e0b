package org.secrecyguard.events.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.sqlite.SQLiteConfig;

/**
 * The collector's store over JDBC: SQLite for a file (or {@code jdbc:sqlite:} URL), PostgreSQL for a
 * {@code jdbc:postgresql:} URL. One table keyed by event UUID; {@code INSERT ... ON CONFLICT DO NOTHING}
 * (understood by both) makes storing idempotent, and an answer is given only after the commit.
 */
public final class JdbcCollectorStore implements CollectorStore {
    private static final String TABLE = """
            CREATE TABLE IF NOT EXISTS collected_events (
              uuid VARCHAR(36) PRIMARY KEY,
              event_time BIGINT NOT NULL,
              received_at BIGINT NOT NULL,
              kind VARCHAR(40),
              level VARCHAR(20),
              channel VARCHAR(64),
              host VARCHAR(128),
              user_name VARCHAR(128),
              body TEXT NOT NULL
            )""";
    private static final String INDEX =
            "CREATE INDEX IF NOT EXISTS collected_events_time ON collected_events(event_time)";
    /** Per-PC looks (self-check overview) read one host's newest rows of one kind. */
    private static final String KIND_INDEX =
            "CREATE INDEX IF NOT EXISTS collected_events_kind_host ON collected_events(kind, host, event_time)";
    private static final String INSERT = "INSERT INTO collected_events"
            + " (uuid, event_time, received_at, kind, level, channel, host, user_name, body)"
            + " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (uuid) DO NOTHING";

    private static final ObjectMapper JSON =
            new ObjectMapper();

    private final String url;
    private final String description;
    private Connection conn;

    private JdbcCollectorStore(String url, String description) throws SQLException {
        this.url = url;
        this.description = description;
        this.conn = connect();
        try (Statement s = conn.createStatement()) {
            s.execute(TABLE);
            s.execute(INDEX);
            s.execute(KIND_INDEX);
        }
    }

    /**
     * Opens the store named by {@code db}: a {@code jdbc:postgresql:} URL (credentials as URL parameters),
     * a {@code jdbc:sqlite:} URL, or a file path for SQLite.
     */
    public static JdbcCollectorStore open(String db) {
        String url;
        String description;
        if (db.startsWith("jdbc:postgresql:")) {
            url = db;
            int q = db.indexOf('?');
            description = "PostgreSQL " + (q < 0 ? db : db.substring(0, q)); // parameters may hold a password
        } else if (db.startsWith("jdbc:sqlite:")) {
            url = db;
            description = "SQLite " + db.substring("jdbc:sqlite:".length());
        } else if (db.startsWith("jdbc:")) {
            throw new IllegalArgumentException("unsupported database URL (use jdbc:postgresql:, jdbc:sqlite: or a file)");
        } else {
            Path file = Path.of(db).toAbsolutePath();
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot create folder for " + file + ": " + e.getMessage(), e);
            }
            url = "jdbc:sqlite:" + file;
            description = "SQLite " + file;
        }
        try {
            return new JdbcCollectorStore(url, description);
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot open " + description + ": " + e.getMessage(), e);
        }
    }

    private boolean sqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    private Connection connect() throws SQLException {
        if (sqlite()) {
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
            cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL); // acknowledged means on disk
            cfg.setBusyTimeout(10_000);
            return DriverManager.getConnection(url, cfg.toProperties());
        }
        return DriverManager.getConnection(url);
    }

    /** Reconnects when the server dropped the connection (PostgreSQL restarted). */
    private Connection connection() throws SQLException {
        if (conn == null || !conn.isValid(5)) {
            if (conn != null) {
                try {
                    conn.close();
                } catch (SQLException ignored) {
                    // replacing a broken connection
                }
            }
            conn = connect();
        }
        return conn;
    }

    @Override
    public synchronized Stored store(List<CollectedEvent> events) throws StoreException {
        if (events.isEmpty()) {
            return new Stored(List.of(), 0);
        }
        long now = System.currentTimeMillis();
        try {
            Connection c = connection();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (CollectedEvent e : events) {
                    ps.setString(1, e.id().toString());
                    ps.setLong(2, e.epochMillis());
                    ps.setLong(3, now);
                    ps.setString(4, e.kind());
                    ps.setString(5, e.level());
                    ps.setString(6, e.channel());
                    ps.setString(7, e.host());
                    ps.setString(8, e.user());
                    ps.setString(9, e.json());
                    ps.addBatch();
                }
                int added = 0;
                for (int n : ps.executeBatch()) {
                    added += n > 0 ? 1 : 0;
                }
                c.commit();
                Set<UUID> ids = new LinkedHashSet<>();
                events.forEach(e -> ids.add(e.id()));
                return new Stored(new ArrayList<>(ids), added);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store events in " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long count() throws StoreException {
        try (Statement s = connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM collected_events")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("cannot count events in " + description + ": " + e.getMessage(), e);
        }
    }

    /** Ids of all stored events (tests and small installations). */
    public synchronized List<UUID> ids() throws StoreException {
        try (Statement s = connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT uuid FROM collected_events ORDER BY event_time")) {
            List<UUID> out = new ArrayList<>();
            while (rs.next()) {
                out.add(UUID.fromString(rs.getString(1)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every PC (host) the collector holds events from, by name, with its newest completed self-check. The
     * events' bodies are parsed here rather than in SQL, which SQLite and PostgreSQL spell differently; the
     * LIKE only narrows the rows read (the body is compact JSON as {@link NdjsonBatch} re-serialised it).
     */
    public synchronized List<PcSelfCheck> selfChecks() throws StoreException {
        Map<String, long[]> seen = new TreeMap<>();
        Map<String, PcSelfCheck> out = new TreeMap<>();
        try {
            Connection c = connection();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT host, max(event_time), count(*) FROM collected_events"
                         + " WHERE host IS NOT NULL GROUP BY host")) {
                while (rs.next()) {
                    seen.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT host, event_time, body FROM collected_events"
                    + " WHERE kind = ? AND host IS NOT NULL AND body LIKE ? ORDER BY host, event_time DESC")) {
                ps.setString(1, "SELF_CHECK");
                ps.setString(2, "%\"action\":\"COMPLETED\"%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String host = rs.getString(1);
                        long[] s = seen.get(host);
                        if (out.containsKey(host) || s == null) {
                            continue;                       // an older run of a PC already placed
                        }
                        JsonNode o = JSON.readTree(rs.getString(3));
                        if (!"COMPLETED".equals(o.path("action").asText()) || !"self-check".equals(o.path("channel").asText())) {
                            continue;
                        }
                        out.put(host, PcSelfCheck.completed(host, Instant.ofEpochMilli(s[0]), s[1],
                                Instant.ofEpochMilli(rs.getLong(2)), text(o, "user"), text(o, "rulesVersion"),
                                text(o, "detail")));
                    }
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read self-checks from " + description + ": " + e.getMessage(), e);
        }
        List<PcSelfCheck> all = new ArrayList<>();
        seen.forEach((host, s) -> all.add(out.getOrDefault(host,
                PcSelfCheck.never(host, Instant.ofEpochMilli(s[0]), s[1]))));
        return all;
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (conn != null) {
            try {
                conn.close();
            } catch (SQLException ignored) {
                // closing at shutdown
            }
            conn = null;
        }
    }
}
