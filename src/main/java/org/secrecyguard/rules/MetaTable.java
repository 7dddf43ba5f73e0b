package org.secrecyguard.rules;

import static org.secrecyguard.rules.SqlSupport.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code meta} table: key/value facts about the rule set as a whole (version, issuer, creation
 * time, deployment key, next keyword number, fingerprint scheme, the unit-wide self-check slot). Every read
 * checks that the keys the
 * code relies on are present, so a damaged table fails with its name rather than a parse error.
 */
final class MetaTable {
    private static final List<String> REQUIRED =
            List.of("rules_version", "created", "issuer", "deployment_key", "next_keyword");
    private static final String NEXT_KEYWORD = "next_keyword";
    /** Key of the fingerprint scheme of the registered documents; absent in older databases. */
    private static final String FINGERPRINT_SCHEME = "fingerprint_scheme";
    /**
     * Key of the weekly self-check slot ("MON 12:30" or "off"); absent when the rules leave it to the site.
     * A meta row, not a new table: agents that predate it ignore unknown meta keys, while a schema step
     * would make them refuse every newer bundle (they refuse schemas newer than their own).
     */
    static final String SELF_CHECK_WEEKLY = "selfcheck_weekly";

    private final Connection c;

    MetaTable(Connection c) {
        this.c = c;
    }

    /** All rows, by key. */
    Map<String, String> read() throws SQLException {
        Map<String, String> m = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT key, value FROM meta")) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
        }
        for (String required : REQUIRED) {
            if (!m.containsKey(required)) {
                throw new RulesException("rules database metadata lacks " + required);
            }
        }
        return m;
    }

    private void set(String key, String value) throws SQLException {
        update(c, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                key, value);
    }

    RulesInfo info() throws SQLException {
        return info(read());
    }

    /** The rule set's description from rows already read (with the schema version of the file). */
    RulesInfo info(Map<String, String> meta) throws SQLException {
        return new RulesInfo(Long.parseLong(meta.get("rules_version")), Instant.parse(meta.get("created")),
                meta.get("issuer"), SqlSupport.intPragma(c, "user_version"));
    }

    void setVersion(long version, String issuer) throws SQLException {
        set("rules_version", Long.toString(version));
        if (issuer != null) {
            set("issuer", issuer);
        }
    }

    byte[] deploymentKey() throws SQLException {
        return deploymentKey(read());
    }

    static byte[] deploymentKey(Map<String, String> meta) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(meta.get("deployment_key"));
        } catch (IllegalArgumentException e) {
            throw new RulesException("rules database deployment key is not valid base64");
        }
        if (key.length != RuleStore.DEPLOYMENT_KEY_BYTES) {
            throw new RulesException("rules database deployment key has " + key.length + " bytes, expected "
                    + RuleStore.DEPLOYMENT_KEY_BYTES);
        }
        return key;
    }

    /** The number of the next keyword id ("kw:N"); ids are never reused. */
    long nextKeyword() throws SQLException {
        return Long.parseLong(read().get(NEXT_KEYWORD));
    }

    void setNextKeyword(long next) throws SQLException {
        set(NEXT_KEYWORD, Long.toString(next));
    }

    /** The recorded fingerprint scheme, or null. */
    String fingerprintScheme() throws SQLException {
        return fingerprintScheme(read());
    }

    static String fingerprintScheme(Map<String, String> meta) {
        return meta.get(FINGERPRINT_SCHEME);
    }

    void setFingerprintScheme(String scheme) throws SQLException {
        set(FINGERPRINT_SCHEME, scheme);
    }

    /** The self-check slot as stored (not checked: agents ignore a bad one with a log), or null. */
    static String selfCheckWeekly(Map<String, String> meta) {
        return meta.get(SELF_CHECK_WEEKLY);
    }

    /** Stores the slot, or removes it for null. */
    void setSelfCheckWeekly(String value) throws SQLException {
        if (value == null) {
            update(c, "DELETE FROM meta WHERE key = ?", SELF_CHECK_WEEKLY);
        } else {
            set(SELF_CHECK_WEEKLY, value);
        }
    }
}
