package org.secrecyguard.rules;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules database schema: the ordered migration steps, and the tables and columns the current
 * code reads, used to check a database that arrives in a bundle before it is trusted.
 */
final class RuleSchema {
    static final List<Migration> MIGRATIONS = List.of(new V1Initial(), new V2CalendarAndTexts(), new V3KeywordAnchors());
    static final int CURRENT = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private static final Map<String, List<String>> EXPECTED = expected();

    private RuleSchema() {
    }

    private static Map<String, List<String>> expected() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("meta", List.of("key", "value"));
        m.put("marking_level", List.of("level"));
        m.put("keyword", List.of("id", "level", "length", "prefilter", "digest", "prefilter_length",
                "prefilter_offset"));
        m.put("document", List.of("id", "title", "level", "text_length", "fingerprints"));
        m.put("policy_rule", List.of("level", "channel", "action", "off_hours_action"));
        m.put("external_app", List.of("channel", "name", "family"));
        m.put("usb_device", List.of("vendor_id", "product_id", "serial", "label"));
        m.put("work_hours", List.of("id", "days", "periods"));
        m.put("calendar_day", List.of("day", "type"));
        m.put("popup_text", List.of("level", "channel", "locale", "explanation", "advice"));
        return m;
    }

    /** Brings a database at an older version up to {@link #CURRENT}, one transaction per step. */
    static void migrate(Connection c) throws SQLException {
        int version = SqlSupport.intPragma(c, "user_version");
        for (Migration m : MIGRATIONS) {
            if (m.version() <= version) {
                continue;
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                m.apply(c);
                SqlSupport.exec(c, "PRAGMA user_version = " + m.version());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    /**
     * Throws unless the database is a rules database at the current version with every table and
     * column the code reads.
     */
    static void check(Connection c) throws SQLException {
        int appId = SqlSupport.intPragma(c, "application_id");
        if (appId != V1Initial.APPLICATION_ID) {
            throw new RulesException("not a SecrecyGuard rules database (application_id " + appId + ")");
        }
        int version = SqlSupport.intPragma(c, "user_version");
        if (version != CURRENT) {
            throw new RulesException("rules database schema is version " + version + ", expected " + CURRENT);
        }
        for (Map.Entry<String, List<String>> e : EXPECTED.entrySet()) {
            Set<String> columns = new HashSet<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("PRAGMA table_info(" + e.getKey() + ")")) {
                while (rs.next()) {
                    columns.add(rs.getString("name"));
                }
            }
            if (columns.isEmpty()) {
                throw new RulesException("rules database lacks table " + e.getKey());
            }
            for (String col : e.getValue()) {
                if (!columns.contains(col)) {
                    throw new RulesException("rules database table " + e.getKey() + " lacks column " + col);
                }
            }
        }
    }
}
