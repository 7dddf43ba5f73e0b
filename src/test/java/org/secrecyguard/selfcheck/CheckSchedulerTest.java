package org.secrecyguard.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.rules.RuleSnapshot;
import org.secrecyguard.rules.RuleStore;
import org.secrecyguard.testing.MutableClock;

/** Precedence of the rules' slot over the site's, and when a check is due, on a clock the test moves. */
class CheckSchedulerTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.EPOCH, BEIJING);
    private final AtomicReference<RuleSnapshot> rules = new AtomicReference<>();
    private final AtomicReference<String> site = new AtomicReference<>();
    private final AtomicReference<Instant> lastStarted = new AtomicReference<>();
    private final List<String> log = new ArrayList<>();
    private final Logger logger = Logger.getLogger(CheckScheduler.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            log.add(r.getLevel() + " " + r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private Level levelBefore;

    @BeforeEach
    void listen() {
        // Other tests in this JVM (the benchmarks' own) quieten org.secrecyguard: hear INFO regardless.
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
        logger.setLevel(levelBefore);
    }

    private final CheckScheduler scheduler = new CheckScheduler(rules::get, site::get, clock, lastStarted::get);

    /** A real rules database with the given slot (null: none), version {@code version}. */
    private RuleSnapshot rulesWith(String slot, long version) throws Exception {
        Path db = dir.resolve("r" + System.nanoTime() + ".db");
        try (RuleStore store = RuleStore.create(db)) {
            store.setVersion(version, "县保密办");
            if (slot != null) {
                store.setSelfCheckSchedule(slot);
            }
        }
        try (RuleStore store = RuleStore.open(db)) {
            return store.loadSnapshot();
        }
    }

    /** As the bundle of a newer builder could carry it: a value this program cannot read. */
    private RuleSnapshot rulesWithRawSlot(String raw, long version) throws Exception {
        Path db = dir.resolve("raw" + System.nanoTime() + ".db");
        try (RuleStore store = RuleStore.create(db)) {
            store.setVersion(version, "");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().executeUpdate("INSERT INTO meta (key, value) VALUES ('selfcheck_weekly', '" + raw + "')");
        }
        try (RuleStore store = RuleStore.open(db)) {
            return store.loadSnapshot();
        }
    }

    @Test
    void theSiteSlotAppliesWhileTheRulesHaveNone() throws Exception {
        site.set("WED 09:00");
        assertEquals("WED 09:00 (site)", scheduler.choice().toString());
        rules.set(rulesWith(null, 3));
        assertEquals("WED 09:00 (site)", scheduler.choice().toString());
        // 2026-12-09 is a Wednesday.
        lastStarted.set(clock.at("2026-12-02T09:10:00"));
        clock.set(clock.at("2026-12-09T08:59:00"));
        assertFalse(scheduler.due());
        clock.set(clock.at("2026-12-09T09:00:00"));
        assertTrue(scheduler.due());
    }

    @Test
    void theRulesSlotWinsOverTheSiteAndAnUpdateMovesItAtTheNextLook() throws Exception {
        site.set("WED 09:00");
        rules.set(rulesWith("MON 12:30", 7));
        assertEquals("MON 12:30 (rules-7)", scheduler.choice().toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("overridden by the rules")), log.toString());
        lastStarted.set(clock.at("2026-12-07T12:31:00"));            // ran on Monday, as the rules asked
        clock.set(clock.at("2026-12-09T09:30:00"));
        assertFalse(scheduler.due(), "the site's Wednesday slot does not count while the rules name Monday");

        rules.set(rulesWith("FRI 16:00", 8));                   // an update while the app runs
        clock.set(clock.at("2026-12-11T15:59:00"));
        assertFalse(scheduler.due());
        clock.set(clock.at("2026-12-11T16:00:00"));
        assertTrue(scheduler.due());
        assertEquals("rules-8", scheduler.choice().origin());
    }

    @Test
    void offInTheRulesStopsScheduledChecksEvenWhereTheSiteAsksForThem() throws Exception {
        site.set("WED 09:00");
        rules.set(rulesWith("off", 2));
        clock.set(clock.at("2026-12-09T10:00:00"));
        assertFalse(scheduler.due());
        assertEquals("off (rules-2)", scheduler.choice().toString());
        lastStarted.set(null);
        assertFalse(scheduler.due(), "not even a PC that never ran one");
    }

    @Test
    void aRulesSlotThatCannotBeReadIsIgnoredWithAWarningOnceAndTheSiteApplies() throws Exception {
        site.set("WED 09:00");
        rules.set(rulesWithRawSlot("every second tuesday", 9));
        clock.set(clock.at("2026-12-09T09:05:00"));
        lastStarted.set(clock.at("2026-12-02T09:10:00"));
        assertTrue(scheduler.due());
        assertEquals("WED 09:00 (site)", scheduler.choice().toString());
        List<String> warnings = log.stream().filter(l -> l.startsWith("WARNING")).toList();
        assertEquals(1, warnings.size(), "logged once, not at every look: " + log);
        assertTrue(warnings.get(0).contains("rules-9") && warnings.get(0).contains("every second tuesday"), warnings.get(0));

        site.set(null);
        assertEquals("off (none)", scheduler.choice().toString());
        assertFalse(scheduler.due());
    }

    @Test
    void aBadSiteValueIsIgnoredWithAWarning() {
        site.set("Montag 12:30");
        clock.set(clock.at("2026-12-09T09:05:00"));
        assertFalse(scheduler.due());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("WARNING") && l.contains("selfcheck.weekly")), log.toString());
    }

    @Test
    void theBaselineRulesHaveNoSlot() {
        rules.set(null);
        site.set("");
        clock.set(clock.at("2026-12-09T09:05:00"));
        assertEquals("off (none)", scheduler.choice().toString());
        assertFalse(scheduler.due());
    }
}
