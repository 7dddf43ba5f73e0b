package org.secrecyguard.rules;

import static org.secrecyguard.rules.SqlSupport.exec;
import static org.secrecyguard.rules.SqlSupport.update;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.ExternalApp;
import org.secrecyguard.policy.ExternalApps;
import org.secrecyguard.policy.PolicyMatrix;

/**
 * Schema 1: metadata with the deployment key, marking levels, keywords, registered documents, the
 * policy matrix, external applications and allowed USB devices, with their defaults.
 */
final class V1Initial implements Migration {
    /** "SGRD": marks the file as a SecrecyGuard rules database ({@code PRAGMA application_id}). */
    static final int APPLICATION_ID = 0x53475244;

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void apply(Connection c) throws SQLException {
        exec(c,
                "PRAGMA application_id = " + APPLICATION_ID,
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                "CREATE TABLE marking_level (level TEXT PRIMARY KEY)",
                "CREATE TABLE keyword (id TEXT PRIMARY KEY, level TEXT NOT NULL, length INTEGER NOT NULL,"
                        + " prefilter INTEGER NOT NULL, digest BLOB NOT NULL UNIQUE)",
                // Fingerprints as one BLOB of big-endian longs per document: one row read per document
                // keeps loading 10,000 documents fast (see docs/benchmarks.md).
                "CREATE TABLE document (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL,"
                        + " level TEXT NOT NULL, text_length INTEGER NOT NULL, fingerprints BLOB NOT NULL)",
                "CREATE TABLE policy_rule (level TEXT NOT NULL, channel TEXT NOT NULL, action TEXT NOT NULL,"
                        + " PRIMARY KEY (level, channel))",
                "CREATE TABLE external_app (channel TEXT NOT NULL, name TEXT NOT NULL COLLATE NOCASE,"
                        + " PRIMARY KEY (channel, name))",
                "CREATE TABLE usb_device (vendor_id TEXT NOT NULL, product_id TEXT NOT NULL, serial TEXT NOT NULL"
                        + " COLLATE NOCASE, label TEXT NOT NULL DEFAULT '', PRIMARY KEY (vendor_id, product_id, serial))");
        byte[] key = new byte[RuleStore.DEPLOYMENT_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        update(c, "INSERT INTO meta (key, value) VALUES ('deployment_key', ?)", Base64.getEncoder().encodeToString(key));
        update(c, "INSERT INTO meta (key, value) VALUES ('created', ?)", Instant.now().toString());
        update(c, "INSERT INTO meta (key, value) VALUES ('rules_version', '0')");
        update(c, "INSERT INTO meta (key, value) VALUES ('issuer', '')");
        update(c, "INSERT INTO meta (key, value) VALUES ('next_keyword', '1')");
        for (Level level : Level.values()) {
            update(c, "INSERT INTO marking_level (level) VALUES (?)", level.name());
            for (Channel channel : Channel.values()) {
                update(c, "INSERT INTO policy_rule (level, channel, action) VALUES (?, ?, ?)",
                        level.name(), channel.name(), PolicyMatrix.defaultAction(level, channel).name());
            }
        }
        ExternalApps apps = ExternalApps.defaults();
        for (Channel channel : Channel.values()) {
            for (ExternalApp app : apps.forChannel(channel)) {
                update(c, "INSERT OR IGNORE INTO external_app (channel, name) VALUES (?, ?)", channel.name(), app.name());
            }
        }
    }
}
