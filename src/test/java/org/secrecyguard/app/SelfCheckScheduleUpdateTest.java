package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.platform.DesktopSession;
import org.secrecyguard.rules.FolderSource;
import org.secrecyguard.rules.RuleBundle;
import org.secrecyguard.rules.RuleStore;
import org.secrecyguard.rules.RuleUpdater;
import org.secrecyguard.rules.SigningKeys;
import org.secrecyguard.selfcheck.CheckScheduler;
import org.secrecyguard.testing.MutableClock;

/**
 * The tray's self-check schedule follows signed bundles from the office's share: the rules' slot wins over
 * the site's, and a new bundle moves it while the app runs.
 */
class SelfCheckScheduleUpdateTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final KeyPair KEYS = SigningKeys.generate();

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.EPOCH, BEIJING);
    /** The office's side: sets the slot (null: clears it) and signs bundle {@code version} onto the share. */
    private void publish(Path officeDb, Path share, long version, String slot) throws Exception {
        try (RuleStore store = Files.exists(officeDb) ? RuleStore.open(officeDb) : RuleStore.create(officeDb)) {
            if (slot == null) {
                store.clearSelfCheckSchedule();
            } else {
                store.setSelfCheckSchedule(slot);
            }
            RuleBundle.create(store, version, "县保密办", KEYS.getPrivate(), share.resolve(FolderSource.DEFAULT_FILE_NAME));
        }
    }

    @Test
    void aRuleUpdateMovesTheScheduleWithoutARestartAndTheRulesWinOverTheSite() throws Exception {
        Path office = dir.resolve("office/rules.db");
        Files.createDirectories(office.getParent());
        Path share = Files.createDirectories(dir.resolve("share"));
        Path home = Files.createDirectories(dir.resolve("home"));
        publish(office, share, 1, "MON 12:30");
        Files.writeString(home.resolve(AppConfig.FILE), "rules.source=" + share + "\n"
                + "rules.publicKey=" + Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n"
                + "selfcheck.weekly=WED 09:00\n");
        AppConfig config = AppConfig.load(home);
        assertEquals("WED 09:00", config.selfCheckWeekly());

        try (RulesWiring rules = new RulesWiring(config, (kind, detail) -> { })) {
            SelfCheckWiring wiring = new SelfCheckWiring(config, rules, null,
                    DesktopSession.of("Linux", Map.of()));
            CheckScheduler scheduler = wiring.scheduler(clock);
            assertEquals("WED 09:00 (site)", scheduler.choice().toString(), "before the first bundle arrives");
            assertEquals(RuleUpdater.Status.APPLIED, rules.checkNow().status());
            assertEquals("rules-1", rules.versionLabel());
            assertEquals("MON 12:30 (rules-1)", scheduler.choice().toString());
            // Never ran on this PC: due once Monday's slot has passed, not for the site's Wednesday.
            clock.set(clock.at("2026-12-07T12:29:00"));
            assertTrue(scheduler.due(), "never ran: the last Monday slot (Nov 30) has passed");

            publish(office, share, 2, "FRI 16:00");
            assertEquals(RuleUpdater.Status.APPLIED, rules.checkNow().status());
            assertEquals("rules-2", rules.versionLabel());
            assertEquals("FRI 16:00 (rules-2)", scheduler.choice().toString());

            publish(office, share, 3, null);
            assertEquals(RuleUpdater.Status.APPLIED, rules.checkNow().status());
            assertEquals("WED 09:00 (site)", scheduler.choice().toString(), "cleared in the rules: the site decides again");
        }
    }

    @Test
    void withoutRulesTheSitesSlotAppliesAndTheIndexsLastRunCounts() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve(AppConfig.FILE), "selfcheck.weekly=WED 09:00\n");
        AppConfig config = AppConfig.load(home);
        try (RulesWiring rules = new RulesWiring(config, (kind, detail) -> { })) {
            SelfCheckWiring wiring = new SelfCheckWiring(config, rules, null, DesktopSession.of("Linux", Map.of()));
            CheckScheduler scheduler = wiring.scheduler(clock);
            clock.set(clock.at("2026-12-09T09:01:00"));
            assertEquals("WED 09:00 (site)", scheduler.choice().toString());
            assertTrue(scheduler.due(), "no run in the index yet");
            // The tray's own index says when the last check started (the scheduled one, or one the user began).
            try (org.secrecyguard.selfcheck.CheckIndex index =
                         org.secrecyguard.selfcheck.CheckIndex.open(home.resolve("selfcheck.db"))) {
                index.beginRun(java.util.List.of(home.toString()), false, clock.at("2026-12-09T09:00:30").toEpochMilli());
            }
            assertFalse(scheduler.due(), "started after this week's slot");
            clock.set(clock.at("2026-12-16T09:00:00"));
            assertTrue(scheduler.due(), "next Wednesday");
        }
    }
}
