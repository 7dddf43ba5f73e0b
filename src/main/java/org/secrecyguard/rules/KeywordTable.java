package org.secrecyguard.rules;

import static org.secrecyguard.rules.SqlSupport.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.secrecyguard.engine.keyword.KeywordRule;

/**
 * The {@code keyword} table: keyword rules as keyed hashes, one row per term, identified by the digest.
 * Ids ("kw:N") come from the counter in {@link MetaTable} so that a removed id is never given again.
 */
final class KeywordTable {
    private final Connection c;
    private final MetaTable meta;

    KeywordTable(Connection c, MetaTable meta) {
        this.c = c;
        this.meta = meta;
    }

    /** See {@link RuleStore#addKeywords}; the caller provides the transaction. */
    List<KeywordAddition> add(List<Function<String, KeywordRule>> builds) throws SQLException {
        long next = meta.nextKeyword();
        List<KeywordAddition> results = new ArrayList<>();
        for (Function<String, KeywordRule> build : builds) {
            String id = "kw:" + next;
            KeywordRule rule = build.apply(id);
            if (!id.equals(rule.id())) {
                throw new IllegalArgumentException("keyword rule has id " + rule.id() + ", expected " + id);
            }
            validate(rule);
            KeywordAddition existing = existing(rule);
            if (existing != null) {
                results.add(existing);
                continue;
            }
            update(c, "INSERT INTO keyword (id, level, length, prefilter, digest, prefilter_length,"
                            + " prefilter_offset) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rule.id(), rule.level().name(), rule.length(), rule.prefilter(), rule.digest(),
                    rule.prefilterLength(), rule.prefilterOffset());
            results.add(new KeywordAddition(rule.id(), rule.level(), KeywordAddition.Outcome.ADDED));
            next++;
        }
        meta.setNextKeyword(next);
        return results;
    }

    /** The stored term with the same digest, brought up to this rule's level and prefilter; null when none. */
    private KeywordAddition existing(KeywordRule rule) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, level, prefilter, prefilter_length, prefilter_offset FROM keyword WHERE digest = ?")) {
            ps.setBytes(1, rule.digest());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String id = rs.getString(1);
                if (rs.getLong(3) != rule.prefilter() || rs.getInt(4) != rule.prefilterLength()
                        || rs.getInt(5) != rule.prefilterOffset()) {
                    // The same term hashed under an older prefilter layout: take the new one.
                    update(c, "UPDATE keyword SET prefilter = ?, prefilter_length = ?, prefilter_offset = ?"
                            + " WHERE id = ?", rule.prefilter(), rule.prefilterLength(), rule.prefilterOffset(), id);
                }
                if (StoredNames.level(rs.getString(2)) == rule.level()) {
                    return new KeywordAddition(id, rule.level(), KeywordAddition.Outcome.ALREADY_PRESENT);
                }
                update(c, "UPDATE keyword SET level = ? WHERE id = ?", rule.level().name(), id);
                return new KeywordAddition(id, rule.level(), KeywordAddition.Outcome.LEVEL_CHANGED);
            }
        }
    }

    private static void validate(KeywordRule rule) {
        if (rule.length() <= 0 || rule.prefilterLength() <= 0 || rule.prefilterOffset() < 0
                || rule.prefilterOffset() + rule.prefilterLength() > rule.length()
                || rule.digest() == null || rule.digest().length == 0 || rule.level() == null) {
            throw new IllegalArgumentException("keyword rule " + rule.id() + " is incomplete");
        }
    }

    boolean remove(String fullId) throws SQLException {
        return update(c, "DELETE FROM keyword WHERE id = ?", fullId) > 0;
    }

    List<KeywordRule> read() throws SQLException {
        List<KeywordRule> list = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, level, length, prefilter, digest, prefilter_length, prefilter_offset FROM keyword"
                        + " ORDER BY rowid")) {
            while (rs.next()) {
                list.add(new KeywordRule(rs.getString(1), StoredNames.level(rs.getString(2)), rs.getInt(3),
                        rs.getLong(4), rs.getBytes(5), rs.getInt(6), rs.getInt(7)));
            }
        }
        return list;
    }
}
