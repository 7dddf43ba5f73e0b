package org.secrecyguard.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.fingerprint.RegisteredDocument;
import org.secrecyguard.engine.keyword.KeywordRule;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.DayType;
import org.secrecyguard.policy.ExternalApp;
import org.secrecyguard.policy.PolicyEntry;
import org.secrecyguard.policy.PolicyMatrix;
import org.secrecyguard.policy.UsbDeviceId;
import org.secrecyguard.policy.WorkHours;

class RuleStoreTest {
    @TempDir
    Path dir;

    @Test
    void newDatabaseStartsWithTheBuiltInPolicyAndARandomDeploymentKey() {
        try (RuleStore a = RuleStore.create(dir.resolve("a.db")); RuleStore b = RuleStore.create(dir.resolve("b.db"))) {
            RuleSnapshot s = a.loadSnapshot();
            assertEquals(PolicyMatrix.defaults(), s.policy().matrix());
            assertEquals(EnumSet.allOf(Level.class), s.markingLevels());
            assertEquals(0, s.info().version());
            assertEquals(RuleStore.currentSchemaVersion(), s.info().schemaVersion());
            assertEquals(32, s.deploymentKey().length);
            assertFalse(java.util.Arrays.equals(a.deploymentKey(), b.deploymentKey()));
            assertTrue(s.policy().externalApps().isExternal(Channel.CLIPBOARD, "Weixin.exe"));
            assertTrue(s.policy().externalApps().isExternal(Channel.UPLOAD_DIALOG, "360se.exe"));
            assertTrue(s.policy().externalApps().isExternal(Channel.CHAT_FILE_STORE, "DingTalk.exe"));
            assertEquals("WeChat", s.policy().externalApps().forChannel(Channel.CLIPBOARD).get(0).family());
            assertEquals(WorkHours.defaults(), s.policy().calendar().hours());
        }
    }

    @Test
    void seedsPopupTextsInChineseAndEnglishCitingTheSecrecyLaw() {
        try (RuleStore store = RuleStore.create(dir.resolve("r.db"))) {
            PopupTexts texts = store.loadSnapshot().popups();
            for (Level level : Level.values()) {
                for (String locale : List.of(PopupTexts.ZH_CN, PopupTexts.EN)) {
                    for (Channel channel : Channel.values()) {
                        assertTrue(texts.find(level, channel, locale).isPresent(), level + " " + channel + " " + locale);
                    }
                }
            }
            PopupText secret = texts.find(Level.SECRET, Channel.CLIPBOARD, PopupTexts.ZH_CN).orElseThrow();
            assertTrue(secret.explanation().contains("《中华人民共和国保守国家秘密法》"));
            assertTrue(secret.explanation().contains("机密"));
            PopupText usb = texts.find(Level.SECRET, Channel.REMOVABLE_DRIVE, PopupTexts.ZH_CN).orElseThrow();
            assertTrue(usb.explanation().contains("U盘"));
            assertEquals(texts.find(Level.INTERNAL, null, PopupTexts.ZH_CN),
                    texts.find(Level.INTERNAL, Channel.CLIPBOARD, "fr"), "unknown locale falls back to zh_CN");
        }
    }

    @Test
    void refusesToInitialiseOverAnExistingFile() throws Exception {
        Path db = dir.resolve("r.db");
        Files.writeString(db, "my notes");
        assertThrows(RulesException.class, () -> RuleStore.create(db));
        assertEquals("my notes", Files.readString(db));
    }

    @Test
    void refusesToOpenSomethingThatIsNotARulesDatabase() throws Exception {
        assertThrows(RulesException.class, () -> RuleStore.open(dir.resolve("missing.db")));
        Path text = dir.resolve("text.db");
        Files.writeString(text, "not sqlite at all, just text", StandardCharsets.UTF_8);
        assertThrows(RulesException.class, () -> RuleStore.open(text));
        Path other = dir.resolve("other.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other)) {
            c.createStatement().execute("CREATE TABLE t (x)");
        }
        assertThrows(RulesException.class, () -> RuleStore.open(other));
    }

    @Test
    void refusesADatabaseFromANewerProgram() throws Exception {
        Path db = dir.resolve("r.db");
        RuleStore.create(db).close();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("PRAGMA user_version = " + (RuleStore.currentSchemaVersion() + 1));
        }
        RulesException e = assertThrows(RulesException.class, () -> RuleStore.open(db));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void keywordsAreStoredAsKeyedDigestsNeverAsText() throws Exception {
        Path db = dir.resolve("r.db");
        String term = "青龙工程";
        try (RuleStore store = RuleStore.create(db)) {
            List<KeywordAddition> added = store.addKeywords(List.of(
                    TestRules.keyword(store.deploymentKey(), Level.SECRET, term),
                    TestRules.keyword(store.deploymentKey(), Level.INTERNAL, "白虎计划")));
            assertEquals(List.of("kw:1", "kw:2"), added.stream().map(KeywordAddition::id).toList());
        }
        byte[] file = Files.readAllBytes(db);
        String asUtf8 = new String(file, StandardCharsets.UTF_8);
        String asUtf16 = new String(file, StandardCharsets.UTF_16LE);
        assertFalse(asUtf8.contains(term) || asUtf16.contains(term), "plain keyword found in the database file");
        try (RuleStore store = RuleStore.open(db)) {
            KeywordRule rule = store.keywords().get(0);
            assertEquals("kw:1", rule.id());
            assertEquals(Level.SECRET, rule.level());
            assertEquals(4, rule.length());
            assertArrayEquals(TestRules.hmac(store.deploymentKey(), term), rule.digest());
        }
    }

    @Test
    void sameKeywordTwiceKeepsOneRuleAndMovesItToTheNewLevel() {
        try (RuleStore store = RuleStore.create(dir.resolve("r.db"))) {
            byte[] key = store.deploymentKey();
            store.addKeywords(List.of(TestRules.keyword(key, Level.INTERNAL, "长江")));
            KeywordAddition again = store.addKeywords(List.of(TestRules.keyword(key, Level.INTERNAL, "长江"))).get(0);
            assertEquals(KeywordAddition.Outcome.ALREADY_PRESENT, again.outcome());
            KeywordAddition moved = store.addKeywords(List.of(TestRules.keyword(key, Level.SECRET, "长江"))).get(0);
            assertEquals(KeywordAddition.Outcome.LEVEL_CHANGED, moved.outcome());
            assertEquals("kw:1", moved.id());
            assertEquals(1, store.keywords().size());
            assertEquals(Level.SECRET, store.keywords().get(0).level());
        }
    }

    @Test
    void removedKeywordIdsAreNeverReused() {
        try (RuleStore store = RuleStore.create(dir.resolve("r.db"))) {
            byte[] key = store.deploymentKey();
            store.addKeywords(List.of(TestRules.keyword(key, Level.SECRET, "甲"), TestRules.keyword(key, Level.SECRET, "乙")));
            assertTrue(store.removeKeyword("kw:2"));
            assertFalse(store.removeKeyword("2"));
            KeywordAddition c = store.addKeywords(List.of(TestRules.keyword(key, Level.SECRET, "丙"))).get(0);
            assertEquals("kw:3", c.id());
        }
    }

    @Test
    void registeredDocumentsKeepTheirFingerprintsExactly() {
        Path db = dir.resolve("r.db");
        long[] fps = TestRules.fingerprints(7, 500);
        long id;
        try (RuleStore store = RuleStore.create(db)) {
            id = store.addDocument("关于 2026 年度 XX 工作的通知", Level.SECRET, 4321, fps).id();
        }
        try (RuleStore store = RuleStore.open(db)) {
            RegisteredDocument doc = store.loadSnapshot().documents().get(0);
            assertEquals(id, doc.id());
            assertEquals("关于 2026 年度 XX 工作的通知", doc.title());
            assertEquals(Level.SECRET, doc.level());
            assertEquals(4321, doc.textLength());
            assertArrayEquals(fps, doc.fingerprints());
            assertEquals(500, store.documentSummaries().get(0).fingerprintCount());
            assertTrue(store.removeDocument(id));
            assertTrue(store.documents().isEmpty());
        }
    }

    @Test
    void policyAppsDevicesCalendarAndHoursPersist() {
        Path db = dir.resolve("r.db");
        UsbDeviceId stick = new UsbDeviceId("0781", "5581", "AA01", "办公室 1 号");
        try (RuleStore store = RuleStore.create(db)) {
            store.setPolicy(new PolicyEntry(Level.INTERNAL, Channel.SCREENSHOT, Action.AUDIT, Action.BLOCK_OVERRIDABLE));
            assertTrue(store.addApp(Channel.CLIPBOARD, new ExternalApp("Zoom.exe", null)));
            assertFalse(store.addApp(Channel.CLIPBOARD, new ExternalApp("wechat.EXE", null)), "already listed, any case");
            assertTrue(store.removeApp(Channel.CLIPBOARD, "QQ.exe"));
            assertTrue(store.allowDevice(stick));
            assertFalse(store.allowDevice(stick));
            assertTrue(store.allowDevice(new UsbDeviceId("0781", "5581", "AA01", "改名")));
            store.setWorkHours(new WorkHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
                    WorkHours.parsePeriods("09:00-17:00")));
            store.importCalendar(Map.of(LocalDate.parse("2026-10-01"), DayType.HOLIDAY,
                    LocalDate.parse("2026-09-27"), DayType.WORKDAY), false);
        }
        try (RuleStore store = RuleStore.open(db)) {
            RuleSnapshot s = store.loadSnapshot();
            assertEquals(new PolicyEntry(Level.INTERNAL, Channel.SCREENSHOT, Action.AUDIT, Action.BLOCK_OVERRIDABLE),
                    s.policy().matrix().entry(Level.INTERNAL, Channel.SCREENSHOT));
            assertTrue(s.policy().externalApps().isExternal(Channel.CLIPBOARD, "zoom.EXE"));
            assertFalse(s.policy().externalApps().isExternal(Channel.CLIPBOARD, "QQ.exe"));
            assertTrue(s.policy().externalApps().isExternal(Channel.SCREENSHOT, "QQ.exe"), "other channels untouched");
            assertEquals(List.of(new UsbDeviceId("0781", "5581", "AA01", "改名")), s.policy().allowedDevices());
            assertTrue(s.policy().calendar().hours().days().contains(DayOfWeek.SATURDAY));
            assertEquals(DayType.WORKDAY, s.policy().calendar().exceptions().get(LocalDate.parse("2026-09-27")));
            assertTrue(store.revokeDevice(stick));
            assertEquals(1, store.importCalendar(Map.of(LocalDate.parse("2027-01-01"), DayType.HOLIDAY), true));
            assertEquals(1, store.calendar().exceptions().size());
        }
    }

    @Test
    void snapshotIsImmutable() {
        try (RuleStore store = RuleStore.create(dir.resolve("r.db"))) {
            RuleSnapshot s = store.loadSnapshot();
            assertThrows(UnsupportedOperationException.class, () -> s.keywords().add(null));
            byte[] key = s.deploymentKey();
            key[0] ^= 1;
            assertNotEquals(key[0], s.deploymentKey()[0]);
        }
    }

    @Test
    void damagedRowIsReportedNotSilentlySkipped() throws Exception {
        Path db = dir.resolve("r.db");
        RuleStore.create(db).close();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("UPDATE policy_rule SET action = 'SHRUG' WHERE level = 'SECRET' AND channel = 'CLIPBOARD'");
        }
        try (RuleStore store = RuleStore.open(db)) {
            RulesException e = assertThrows(RulesException.class, store::loadSnapshot);
            assertTrue(e.getMessage().contains("SHRUG"));
        }
    }

    @Test
    void copyIsAConsistentStandaloneDatabase() {
        Path db = dir.resolve("r.db");
        Path copy = dir.resolve("copy.db");
        try (RuleStore store = RuleStore.create(db)) {
            store.addDocument("doc", Level.SECRET, 10, TestRules.fingerprints(1, 10));
            store.copyTo(copy);
            assertThrows(RulesException.class, () -> store.copyTo(copy));
        }
        try (RuleStore c = RuleStore.open(copy)) {
            assertEquals("ok", c.integrityCheck());
            assertEquals(1, c.documents().size());
        }
    }
}
