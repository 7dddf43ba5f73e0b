package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.engine.keyword.WholeTermRules;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.DayType;
import org.secrecyguard.policy.Policy;
import org.secrecyguard.policy.TimeContext;
import org.secrecyguard.policy.UsbDeviceId;
import org.secrecyguard.rules.ActiveRules;
import org.secrecyguard.rules.FolderSource;
import org.secrecyguard.rules.RuleSnapshot;
import org.secrecyguard.rules.RuleStore;
import org.secrecyguard.rules.RuleUpdater;
import org.secrecyguard.rules.SigningKeys;

/** Authoring, signing, publishing and verifying rules with the command line alone, run in-process. */
class RulesCommandTest {
    @TempDir
    Path dir;
    Path db;
    Path share;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SecrecyGuardCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run ok(String... args) {
        Run r = run(args);
        assertEquals(0, r.exit(), String.join(" ", args) + "\nout: " + r.out() + "\nerr: " + r.err());
        return r;
    }

    @BeforeEach
    void setUp() throws Exception {
        db = dir.resolve("rules.db");
        share = Files.createDirectories(dir.resolve("share"));
    }

    @Test
    void authorSignPublishAndVerifyWithTheCommandLineAlone() throws Exception {
        String prefix = dir.resolve("office").toString();
        Run keys = ok("keys", "generate", "--out", prefix);
        assertTrue(keys.out().contains("public key SHA-256"));
        Path key = Path.of(prefix + ".key");
        Path pub = Path.of(prefix + ".pub");
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(Files.readString(pub).startsWith("-----BEGIN PUBLIC KEY-----"));
        if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        }
        Run again = run("keys", "generate", "--out", prefix);
        assertNotEquals(0, again.exit(), "never overwrites a key");

        ok("rules", "init", "--db", db.toString());
        ok("rules", "policy", "set", "--db", db.toString(), "--level", "INTERNAL", "--channel", "clipboard",
                "--action", "WARN", "--off-hours", "BLOCK_OVERRIDABLE");
        ok("rules", "policy", "set", "--db", db.toString(), "--level", "工作秘密", "--channel", "UPLOAD_DIALOG",
                "--action", "BLOCK_OVERRIDABLE");
        ok("rules", "app", "add", "--db", db.toString(), "--channel", "CLIPBOARD", "--family", "video", "Zoom.exe");
        ok("rules", "app", "remove", "--db", db.toString(), "--channel", "all", "QQ.exe");
        ok("rules", "usb", "allow", "--db", db.toString(), "--vid", "0781", "--pid", "5581", "--serial", "AA01",
                "--label", "办公室 1 号");
        ok("rules", "usb", "allow", "--db", db.toString(), "--vid", "0951", "--pid", "1666", "--serial", "ZZ9");
        ok("rules", "usb", "revoke", "--db", db.toString(), "--vid", "0951", "--pid", "1666", "--serial", "ZZ9");
        Path csv = dir.resolve("calendar.csv");
        Files.writeString(csv, "date,type\n# 2026 国庆\n2026-09-27,workday\n2026-10-01,holiday\n2026-10-02,休\n",
                StandardCharsets.UTF_8);
        Run cal = ok("rules", "calendar", "import", "--db", db.toString(), csv.toString());
        assertTrue(cal.out().contains("imported 3 dates (2 holidays, 1 make-up working days)"), cal.out());
        ok("rules", "hours", "set", "--db", db.toString(), "--days", "MON-FRI", "--periods", "09:00-12:00,13:00-17:30");

        Run show = ok("rules", "show", "--db", db.toString());
        assertTrue(show.out().contains("version 0"), show.out());
        assertTrue(show.out().contains("WARN/BLOCK_OVERRIDABLE"), show.out());
        assertTrue(show.out().contains("Zoom.exe"), show.out());
        assertTrue(show.out().contains("0781:5581 serial AA01 (办公室 1 号)"), show.out());
        assertFalse(show.out().contains("ZZ9"), show.out());
        assertTrue(show.out().contains("2026-09-27 .. 2026-10-02"), show.out());
        assertTrue(show.out().contains("MON,TUE,WED,THU,FRI 09:00-12:00,13:00-17:30"), show.out());

        Path published = share.resolve(FolderSource.DEFAULT_FILE_NAME);
        Run bundle = ok("rules", "bundle", "--db", db.toString(), "--key", key.toString(), "--version", "1",
                "--out", published.toString(), "--issuer", "XX县保密办");
        assertTrue(bundle.out().contains("version 1, issuer XX县保密办"), bundle.out());
        Run verify = ok("rules", "verify", "--pub", pub.toString(), published.toString());
        assertTrue(verify.out().startsWith("VALID: version 1, issuer XX县保密办"), verify.out());

        // The agent picks the published bundle up from the share and decides with the authored policy.
        ActiveRules<java.util.Optional<RuleSnapshot>> active = ActiveRules.ofSnapshots();
        try (RuleUpdater agent = RuleUpdater.builder().source(new FolderSource(share))
                .publicKey(SigningKeys.readPublic(pub)).rulesDir(dir.resolve("agent")).activeRules(active).build()) {
            assertEquals(RuleUpdater.Status.APPLIED, agent.checkNow().status());
        }
        RuleSnapshot s = active.value().orElseThrow();
        assertEquals(1, s.info().version());
        Policy policy = new Policy(s.policy());
        Verdict internal = new Verdict(List.of(new Finding(DetectorType.MARKING, "m", Level.INTERNAL, "内部", "")));
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        TimeContext makeUpSunday = new TimeContext(LocalDateTime.parse("2026-09-27T10:00").atZone(zone));
        TimeContext holiday = new TimeContext(LocalDateTime.parse("2026-10-01T10:00").atZone(zone));
        assertEquals(Action.WARN, policy.decide(internal, Channel.CLIPBOARD, "Zoom.exe", makeUpSunday));
        assertEquals(Action.BLOCK_OVERRIDABLE, policy.decide(internal, Channel.CLIPBOARD, "Zoom.exe", holiday));
        assertEquals(Action.ALLOW, policy.decide(internal, Channel.CLIPBOARD, "QQ.exe", makeUpSunday),
                "QQ was removed from the external list");
        assertEquals(Action.AUDIT, policy.decideRemovable(internal, new UsbDeviceId("0781", "5581", "aa01", ""), holiday));
        assertEquals(DayType.HOLIDAY, s.policy().calendar().exceptions().get(LocalDate.parse("2026-10-02")));
    }

    @Test
    void verifyRefusesTamperedBundlesAndBundlesFromAnotherKey() throws Exception {
        ok("keys", "generate", "--out", dir.resolve("office").toString());
        ok("keys", "generate", "--out", dir.resolve("intruder").toString());
        ok("rules", "init", "--db", db.toString());
        Path bundle = dir.resolve("b.zip");
        ok("rules", "bundle", "--db", db.toString(), "--key", dir.resolve("office.key").toString(), "--version", "1",
                "--out", bundle.toString());

        byte[] bytes = Files.readAllBytes(bundle);
        bytes[bytes.length / 2] ^= 0x40;
        Path tampered = dir.resolve("tampered.zip");
        Files.write(tampered, bytes);
        Run t = run("rules", "verify", "--pub", dir.resolve("office.pub").toString(), tampered.toString());
        assertEquals(1, t.exit());
        assertTrue(t.out().startsWith("INVALID (HASH_MISMATCH)"), t.out());

        Run other = run("rules", "verify", "--pub", dir.resolve("intruder.pub").toString(), bundle.toString());
        assertEquals(1, other.exit());
        assertTrue(other.out().startsWith("INVALID (BAD_SIGNATURE)"), other.out());
    }

    @Test
    void bundleRefusesAVersionAgentsWouldRefuse() {
        ok("keys", "generate", "--out", dir.resolve("office").toString());
        ok("rules", "init", "--db", db.toString());
        String key = dir.resolve("office.key").toString();
        ok("rules", "bundle", "--db", db.toString(), "--key", key, "--version", "4", "--out", dir.resolve("a.zip").toString());
        Run r = run("rules", "bundle", "--db", db.toString(), "--key", key, "--version", "4", "--out",
                dir.resolve("b.zip").toString());
        assertEquals(ExitCodes.ERROR, r.exit());
        assertTrue(r.err().contains("not newer than the last bundled version 4"), r.err());
        assertFalse(Files.exists(dir.resolve("b.zip")));
    }

    @Test
    void calendarWithABadLineImportsNothing() throws Exception {
        ok("rules", "init", "--db", db.toString());
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "2026-10-01,holiday\n2026-13-01,holiday\n2026-10-03,vacation\n");
        Run r = run("rules", "calendar", "import", "--db", db.toString(), csv.toString());
        assertEquals(ExitCodes.ERROR, r.exit());
        assertTrue(r.err().contains("line 2") && r.err().contains("line 3"), r.err());
        try (RuleStore store = RuleStore.open(db)) {
            assertTrue(store.calendar().exceptions().isEmpty());
        }
    }

    @Test
    void policyCommandExplainsUnknownWords() {
        ok("rules", "init", "--db", db.toString());
        Run r = run("rules", "policy", "set", "--db", db.toString(), "--level", "SECRET", "--channel", "EMAIL",
                "--action", "BLOCK");
        assertEquals(ExitCodes.ERROR, r.exit());
        assertTrue(r.err().contains("unknown channel: EMAIL (use CLIPBOARD"), r.err());
    }

    @Test
    void keywordsAddedOnTheCommandLineAreFoundByTheAgentButAppearNowhereInPlainText() throws Exception {
        ok("keys", "generate", "--out", dir.resolve("office").toString());
        ok("rules", "init", "--db", db.toString());
        String term = "天网行动";
        Run added = ok("rules", "keyword", "--db", db.toString(), "--level", "SECRET", term, "白鹭工程");
        assertTrue(added.out().contains("kw:1  SECRET  added") && added.out().contains("kw:2  SECRET  added"),
                added.out());
        Path list = dir.resolve("terms.txt");
        Files.writeString(list, "青鸟计划\n\n天网行动\n", StandardCharsets.UTF_8);
        Run fromFile = ok("rules", "keyword", "--db", db.toString(), "--level", "WORK_SECRET", "--from", list.toString());
        assertTrue(fromFile.out().contains("kw:3  WORK_SECRET  added"), fromFile.out());
        assertTrue(fromFile.out().contains("kw:1  WORK_SECRET  level changed"), fromFile.out());
        Run tooShort = run("rules", "keyword", "--db", db.toString(), "--level", "SECRET", "长江大桥", "江");
        assertNotEquals(0, tooShort.exit());
        assertTrue(tooShort.err().contains("term 2 is too short"), tooShort.err());
        ok("rules", "keyword", "--db", db.toString(), "--remove", "kw:2");
        Run listed = ok("rules", "keyword", "--db", db.toString(), "--list");
        assertTrue(listed.out().contains("2 keyword rules"), listed.out());
        assertFalse(listed.out().contains("before anchors"), listed.out());
        try (RuleStore store = RuleStore.open(db)) { // a rule as the previous release hashed it
            store.addKeywords(List.of(id -> WholeTermRules.rule(store.deploymentKey(), id, Level.SECRET, "蓝盾行动计划")));
        }
        Run listedOld = ok("rules", "keyword", "--db", db.toString(), "--list");
        assertTrue(listedOld.out().contains("6 chars  (hashed before anchors)"), listedOld.out());
        assertTrue(listedOld.out().contains("1 rules were hashed before anchors"), listedOld.out());
        ok("rules", "keyword", "--db", db.toString(), "--level", "SECRET", "蓝盾行动计划");
        assertFalse(ok("rules", "keyword", "--db", db.toString(), "--list").out().contains("before anchors"),
                "adding the term again re-hashed it");
        for (Run r : List.of(added, fromFile, tooShort, listed)) {
            assertFalse(r.out().contains(term) || r.err().contains(term), "the term is never printed");
        }

        Path bundle = share.resolve(FolderSource.DEFAULT_FILE_NAME);
        ok("rules", "bundle", "--db", db.toString(), "--key", dir.resolve("office.key").toString(), "--version", "1",
                "--out", bundle.toString());
        for (Path file : List.of(db, bundle)) {
            String asText = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertFalse(asText.contains(term), file + " holds the plain term");
        }
        ActiveRules<org.secrecyguard.engine.Engine> active = new ActiveRules<>(
                snapshot -> new org.secrecyguard.engine.Engine(List.of(
                        new org.secrecyguard.engine.keyword.KeywordDetector(snapshot.deploymentKey(), snapshot.keywords())),
                        snapshot.info().versionLabel()),
                org.secrecyguard.engine.Baseline.engine());
        try (RuleUpdater agent = RuleUpdater.builder().source(new FolderSource(share))
                .publicKey(SigningKeys.readPublic(dir.resolve("office.pub"))).rulesDir(dir.resolve("agent"))
                .activeRules(active).build()) {
            assertEquals(RuleUpdater.Status.APPLIED, agent.checkNow().status());
        }
        org.secrecyguard.engine.Engine engine = active.value();
        assertEquals("rules-1", engine.rulesVersion());
        Verdict v = engine.inspect(org.secrecyguard.engine.Segment.body("请于周五前报送天网\n行动的进展情况。"));
        assertEquals(1, v.findings().size(), v.toString());
        assertEquals("kw:1", v.findings().get(0).rule());
        assertEquals(Level.WORK_SECRET, v.findings().get(0).level());
        assertTrue(engine.inspect(org.secrecyguard.engine.Segment.body("白鹭工程已完工")).isClean(), "kw:2 was removed");
    }

    @Test
    void popupTextsAndMarkingLevelsAreEditable() {
        ok("rules", "init", "--db", db.toString());
        Run shown = ok("rules", "popup", "show", "--db", db.toString(), "--level", "机密", "--channel", "CLIPBOARD");
        assertTrue(shown.out().contains("保守国家秘密法"), shown.out());
        ok("rules", "popup", "set", "--db", db.toString(), "--level", "INTERNAL", "--locale", "en",
                "--explanation", "Internal material.", "--advice", "Ask the office first.");
        Run en = ok("rules", "popup", "show", "--db", db.toString(), "--level", "INTERNAL", "--channel", "SCREENSHOT",
                "--locale", "en");
        assertTrue(en.out().contains("Ask the office first."), en.out());

        Run levels = ok("rules", "levels", "--db", db.toString(), "TOP_SECRET", "SECRET", "CONFIDENTIAL", "WORK_SECRET");
        assertTrue(levels.out().contains("marking levels: TOP_SECRET, SECRET, CONFIDENTIAL, WORK_SECRET"), levels.out());
        Run weakened = run("rules", "levels", "--db", db.toString(), "SECRET", "INTERNAL");
        assertEquals(ExitCodes.ERROR, weakened.exit());
        assertTrue(weakened.err().contains("cannot be switched off"), weakened.err());
    }

    @Test
    void commandsOnAMissingDatabaseSayHowToCreateOne() {
        Run r = run("rules", "show", "--db", dir.resolve("nope.db").toString());
        assertEquals(ExitCodes.ERROR, r.exit());
        assertTrue(r.err().contains("rules init --db"), r.err());
        assertFalse(Files.exists(dir.resolve("nope.db")), "nothing created by accident");
    }

    @Test
    void theSelfCheckSlotIsSetShownSignedAndVerifiedWithTheCommandLine() throws Exception {
        String prefix = dir.resolve("office").toString();
        ok("keys", "generate", "--out", prefix);
        ok("rules", "init", "--db", db.toString());
        Run bad = run("rules", "selfcheck", "set", "--db", db.toString(), "someday", "12:00");
        assertEquals(2, bad.exit(), bad.out() + bad.err());
        assertTrue(bad.err().contains("unknown day") && bad.err().contains("someday"), bad.err());
        assertTrue(ok("rules", "show", "--db", db.toString()).out().contains("self-check schedule: left to each site"));

        assertTrue(ok("rules", "selfcheck", "set", "--db", db.toString(), "mon", "9:30").out()
                .contains("self-check schedule: MON 09:30"));
        assertTrue(ok("rules", "show", "--db", db.toString()).out().contains("self-check schedule: MON 09:30"));
        Path bundle = share.resolve(FolderSource.DEFAULT_FILE_NAME);
        ok("rules", "bundle", "--db", db.toString(), "--key", prefix + ".key", "--version", "1", "--out", bundle.toString());
        ok("rules", "verify", "--pub", prefix + ".pub", bundle.toString());
        Path work = Files.createDirectories(dir.resolve("work"));
        assertEquals("MON 09:30", org.secrecyguard.rules.RuleBundle.verify(bundle,
                SigningKeys.readPublic(Path.of(prefix + ".pub")), org.secrecyguard.rules.BundleLimits.DEFAULT, work)
                .snapshot().selfCheckWeekly());

        ok("rules", "selfcheck", "clear", "--db", db.toString());
        assertTrue(ok("rules", "show", "--db", db.toString()).out().contains("self-check schedule: left to each site"));
    }
}
