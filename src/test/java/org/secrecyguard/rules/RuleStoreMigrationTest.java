package org.secrecyguard.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.PolicyEntry;
import org.secrecyguard.policy.WorkHours;

/**
 * Builds a schema-1 database by hand, exactly as the first release wrote it, and opens it with the
 * current code: it must upgrade in place and keep every rule.
 */
class RuleStoreMigrationTest {
    @TempDir
    Path dir;

    @Test
    void schemaOneDatabaseUpgradesInPlaceKeepingItsRules() throws Exception {
        Path db = dir.resolve("v1.db");
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 1);
        }
        long[] fps = TestRules.fingerprints(3, 20);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA application_id = " + 0x53475244);
            st.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            st.execute("CREATE TABLE marking_level (level TEXT PRIMARY KEY)");
            st.execute("CREATE TABLE keyword (id TEXT PRIMARY KEY, level TEXT NOT NULL, length INTEGER NOT NULL,"
                    + " prefilter INTEGER NOT NULL, digest BLOB NOT NULL UNIQUE)");
            st.execute("CREATE TABLE document (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL,"
                    + " level TEXT NOT NULL, text_length INTEGER NOT NULL, fingerprints BLOB NOT NULL)");
            st.execute("CREATE TABLE policy_rule (level TEXT NOT NULL, channel TEXT NOT NULL, action TEXT NOT NULL,"
                    + " PRIMARY KEY (level, channel))");
            st.execute("CREATE TABLE external_app (channel TEXT NOT NULL, name TEXT NOT NULL COLLATE NOCASE,"
                    + " PRIMARY KEY (channel, name))");
            st.execute("CREATE TABLE usb_device (vendor_id TEXT NOT NULL, product_id TEXT NOT NULL, serial TEXT NOT NULL"
                    + " COLLATE NOCASE, label TEXT NOT NULL DEFAULT '', PRIMARY KEY (vendor_id, product_id, serial))");
            st.execute("INSERT INTO meta VALUES ('deployment_key', '" + Base64.getEncoder().encodeToString(key) + "'),"
                    + " ('created', '2026-01-05T02:00:00Z'), ('rules_version', '12'), ('issuer', 'XX县保密办'),"
                    + " ('next_keyword', '8')");
            st.execute("INSERT INTO marking_level VALUES ('TOP_SECRET'), ('SECRET'), ('CONFIDENTIAL')");
            st.execute("INSERT INTO keyword VALUES ('kw:7', 'SECRET', 4, 12345, x'00112233')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO document (title, level, text_length, fingerprints)"
                    + " VALUES ('老文件', 'CONFIDENTIAL', 900, ?)")) {
                ByteBuffer b = ByteBuffer.allocate(fps.length * 8);
                b.asLongBuffer().put(fps);
                ps.setBytes(1, b.array());
                ps.executeUpdate();
            }
            st.execute("INSERT INTO policy_rule VALUES ('INTERNAL', 'CLIPBOARD', 'AUDIT')");
            st.execute("INSERT INTO external_app VALUES ('CLIPBOARD', 'WeChat.exe'), ('CLIPBOARD', 'OurChat.exe')");
            st.execute("INSERT INTO usb_device VALUES ('0781', '5581', 'S1', '一号盘')");
            st.execute("PRAGMA user_version = 1");
        }

        try (RuleStore store = RuleStore.open(db)) {
            RuleSnapshot s = store.loadSnapshot();
            assertEquals(RuleStore.currentSchemaVersion(), s.info().schemaVersion());
            assertEquals(12, s.info().version());
            assertEquals("XX县保密办", s.info().issuer());
            assertArrayEquals(key, s.deploymentKey());
            assertEquals(java.util.Set.of(Level.TOP_SECRET, Level.SECRET, Level.CONFIDENTIAL), s.markingLevels());
            assertEquals("kw:7", s.keywords().get(0).id());
            assertArrayEquals(new byte[] {0x00, 0x11, 0x22, 0x33}, s.keywords().get(0).digest());
            assertEquals(4, s.keywords().get(0).prefilterLength(), "rules from before anchors cover the whole term");
            assertArrayEquals(fps, s.documents().get(0).fingerprints());
            assertEquals(new PolicyEntry(Level.INTERNAL, Channel.CLIPBOARD, Action.AUDIT, null),
                    s.policy().matrix().entry(Level.INTERNAL, Channel.CLIPBOARD));
            assertTrue(s.policy().externalApps().isExternal(Channel.CLIPBOARD, "ourchat.exe"));
            assertEquals("WeChat", s.policy().externalApps().forChannel(Channel.CLIPBOARD).get(0).family(),
                    "known apps get their family");
            assertEquals("custom", s.policy().externalApps().forChannel(Channel.CLIPBOARD).get(1).family());
            assertEquals("一号盘", s.policy().allowedDevices().get(0).label());
            assertEquals(WorkHours.defaults(), s.policy().calendar().hours(), "new feature gets its default");
            assertTrue(s.popups().find(Level.SECRET, Channel.CLIPBOARD, PopupTexts.ZH_CN).isPresent());
            // the keyword counter carried over: the next id continues after the old ones
            assertEquals("kw:8", store.addKeywords(java.util.List.of(
                    TestRules.keyword(key, Level.SECRET, "新词"))).get(0).id());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             var rs = st.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertEquals(RuleStore.currentSchemaVersion(), rs.getInt(1), "upgrade was written to the file");
        }
    }
}
