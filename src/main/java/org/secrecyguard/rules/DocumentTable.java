package org.secrecyguard.rules;

import static org.secrecyguard.rules.SqlSupport.update;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.engine.fingerprint.RegisteredDocument;

/**
 * The {@code document} table: registered documents with their keyed fingerprints, stored as one BLOB
 * of big-endian longs per document (one row read per document keeps loading many documents fast). The
 * scheme the fingerprints were made with is kept in {@link MetaTable}, so that schemes are never mixed.
 */
final class DocumentTable {
    private final Connection c;
    private final MetaTable meta;

    DocumentTable(Connection c, MetaTable meta) {
        this.c = c;
        this.meta = meta;
    }

    /** See {@link RuleStore#addDocuments(String, List)}; the caller provides the transaction. */
    List<RegisteredDocument> add(String scheme, List<RegisteredDocument> documents) throws SQLException {
        String stored = meta.fingerprintScheme();
        if (stored != null && !stored.equals(scheme) && count() > 0) {
            throw new RulesException("the registered documents were fingerprinted with scheme " + stored
                    + ", this program uses " + scheme + ": unregister them and register them again"
                    + " with this version before adding more");
        }
        meta.setFingerprintScheme(scheme);
        return insert(documents);
    }

    private long count() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM document")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Inserts the documents (their ids ignored) and returns them with the ids given, in order. */
    List<RegisteredDocument> insert(List<RegisteredDocument> documents) throws SQLException {
        for (RegisteredDocument d : documents) {
            if (d.title() == null || d.title().isBlank()) {
                throw new IllegalArgumentException("document title is empty");
            }
            if (d.textLength() < 0 || d.level() == null || d.fingerprints() == null) {
                throw new IllegalArgumentException("document " + d.title() + " is incomplete");
            }
        }
        List<RegisteredDocument> stored = new ArrayList<>(documents.size());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO document (title, level, text_length, fingerprints) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (RegisteredDocument d : documents) {
                String title = d.title().strip();
                SqlSupport.bind(ps, title, d.level().name(), d.textLength(), toBytes(d.fingerprints()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    stored.add(new RegisteredDocument(keys.getLong(1), title, d.level(), d.textLength(),
                            d.fingerprints().clone()));
                }
            }
        }
        return stored;
    }

    boolean remove(long id) throws SQLException {
        return update(c, "DELETE FROM document WHERE id = ?", id) > 0;
    }

    /** The documents without their fingerprints (only their count), by id. */
    List<DocumentSummary> summaries() throws SQLException {
        List<DocumentSummary> list = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, title, level, text_length, length(fingerprints) FROM document ORDER BY id")) {
            while (rs.next()) {
                list.add(new DocumentSummary(rs.getLong(1), rs.getString(2), StoredNames.level(rs.getString(3)),
                        rs.getInt(4), rs.getInt(5) / Long.BYTES));
            }
        }
        return list;
    }

    List<RegisteredDocument> read() throws SQLException {
        List<RegisteredDocument> list = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, title, level, text_length, fingerprints FROM document ORDER BY id")) {
            while (rs.next()) {
                list.add(new RegisteredDocument(rs.getLong(1), rs.getString(2), StoredNames.level(rs.getString(3)),
                        rs.getInt(4), toLongs(rs.getBytes(5), rs.getLong(1))));
            }
        }
        return list;
    }

    private static byte[] toBytes(long[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Long.BYTES);
        buf.asLongBuffer().put(values);
        return buf.array();
    }

    private static long[] toLongs(byte[] bytes, long docId) {
        if (bytes == null || bytes.length % Long.BYTES != 0) {
            throw new RulesException("fingerprints of document #" + docId + " are damaged");
        }
        long[] values = new long[bytes.length / Long.BYTES];
        ByteBuffer.wrap(bytes).asLongBuffer().get(values);
        return values;
    }
}
