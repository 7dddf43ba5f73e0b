package org.secrecyguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unit-wide self-check slot travels in the signed bundle as a meta row; bundles without it stay valid. */
class SelfCheckScheduleBundleTest {
    @TempDir
    Path dir;

    private VerifiedBundle verify(Path bundle) throws Exception {
        Path work = Files.createDirectories(dir.resolve("work-" + System.nanoTime()));
        return RuleBundle.verify(bundle, TestBundles.KEYS.getPublic(), BundleLimits.DEFAULT, work);
    }

    @Test
    void theOfficesSlotIsSignedIntoTheBundleInItsCanonicalForm() throws Exception {
        Path db = dir.resolve("rules.db");
        Path out = dir.resolve("bundle.zip");
        try (RuleStore store = RuleStore.create(db)) {
            assertEquals("MON 09:05", store.setSelfCheckSchedule("monday 9:05"));
            assertEquals(Optional.of("MON 09:05"), store.selfCheckSchedule());
            RuleBundle.create(store, 1, "县保密办", TestBundles.KEYS.getPrivate(), out);
        }
        VerifiedBundle v = verify(out);
        assertEquals("MON 09:05", v.snapshot().selfCheckWeekly());
        assertEquals(3, v.snapshot().info().schemaVersion(), "no schema step: older agents keep taking bundles");
    }

    @Test
    void offIsAValueAndClearLeavesItToTheSites() throws Exception {
        Path db = dir.resolve("rules.db");
        try (RuleStore store = RuleStore.create(db)) {
            assertEquals("off", store.setSelfCheckSchedule(" OFF "));
            Path off = dir.resolve("off.zip");
            RuleBundle.create(store, 1, "", TestBundles.KEYS.getPrivate(), off);
            assertEquals("off", verify(off).snapshot().selfCheckWeekly());

            store.clearSelfCheckSchedule();
            assertEquals(Optional.empty(), store.selfCheckSchedule());
            Path cleared = dir.resolve("cleared.zip");
            RuleBundle.create(store, 2, "", TestBundles.KEYS.getPrivate(), cleared);
            assertNull(verify(cleared).snapshot().selfCheckWeekly());
        }
    }

    @Test
    void aBundleMadeWithoutASlotStaysValid() throws Exception {
        Path bundle = dir.resolve("old.zip");
        Files.write(bundle, new TestBundles(dir).signed(4));
        VerifiedBundle v = verify(bundle);
        assertEquals(4, v.manifest().version());
        assertNull(v.snapshot().selfCheckWeekly());
    }

    @Test
    void aSlotThatCannotBeReadIsRefusedWhenSet() throws Exception {
        try (RuleStore store = RuleStore.create(dir.resolve("rules.db"))) {
            IllegalArgumentException day = assertThrows(IllegalArgumentException.class,
                    () -> store.setSelfCheckSchedule("someday 12:00"));
            assertTrue(day.getMessage().contains("someday"), day.getMessage());
            assertThrows(IllegalArgumentException.class, () -> store.setSelfCheckSchedule("MON 24:00"));
            assertThrows(IllegalArgumentException.class, () -> store.setSelfCheckSchedule("  "));
            assertEquals(Optional.empty(), store.selfCheckSchedule(), "nothing stored by a refused value");
        }
    }

    @Test
    void aBadSlotWrittenBehindTheToolsBackStopsTheBundleBuildAndLosesNothing() throws Exception {
        Path db = dir.resolve("rules.db");
        try (RuleStore store = RuleStore.create(db)) {
            store.setVersion(3, "县保密办");
        }
        writeRawSlot(db, "MON 25:00");
        Path out = dir.resolve("bundle.zip");
        try (RuleStore store = RuleStore.open(db)) {
            RulesException e = assertThrows(RulesException.class,
                    () -> RuleBundle.create(store, 4, "县保密办", TestBundles.KEYS.getPrivate(), out));
            assertTrue(e.getMessage().contains("\"MON 25:00\"") && e.getMessage().contains("rules selfcheck set"),
                    e.getMessage());
            assertEquals(3, store.info().version(), "the version was not used up");
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void anAgentTakesABundleWithASlotItCannotReadAndKeepsTheValueForTheSchedulerToIgnore() throws Exception {
        // A builder of a later version could write a slot this one cannot read: the rules must still apply.
        Path db = dir.resolve("rules.db");
        try (RuleStore store = RuleStore.create(db)) {
            store.setVersion(5, "县保密办");
        }
        writeRawSlot(db, "every second tuesday");
        Path out = dir.resolve("bundle.zip");
        RuleBundle.write(db, 5, "县保密办", TestBundles.KEYS.getPrivate(), out);
        VerifiedBundle v = verify(out);
        assertEquals(5, v.snapshot().info().version());
        assertEquals("every second tuesday", v.snapshot().selfCheckWeekly());
    }

    private static void writeRawSlot(Path db, String value) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement ps = c.prepareStatement("INSERT INTO meta (key, value) VALUES ('selfcheck_weekly', ?)")) {
            ps.setString(1, value);
            ps.executeUpdate();
        }
    }
}
