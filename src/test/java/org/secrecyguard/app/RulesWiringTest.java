package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.events.EventKind;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.rules.PopupText;
import org.secrecyguard.rules.PopupTexts;
import org.secrecyguard.rules.RuleStore;

/** Where the guard's rules come from, and that what it shows changes with them. */
class RulesWiringTest {
    private final List<String> events = new ArrayList<>();

    private RulesWiring wiring(Path dir, String extra) throws Exception {
        Files.writeString(dir.resolve(AppConfig.FILE), extra);
        return new RulesWiring(AppConfig.load(dir), (kind, detail) -> events.add(kind + " " + detail));
    }

    @Test
    void withoutRulesTheBaselineApplies(@TempDir Path dir) throws Exception {
        try (RulesWiring rules = wiring(dir, "")) {
            assertEquals("baseline", rules.versionLabel());
            assertNull(rules.problem());
            assertFalse(rules.updatesConfigured());
            assertFalse(rules.current().engine().inspect(Segment.body("机密★1年\n通知")).isClean());
            assertTrue(rules.current().popups().find(Level.SECRET, Channel.CLIPBOARD, PopupTexts.ZH_CN).isPresent());
        }
    }

    @Test
    void aLocalRulesDatabaseBringsItsLevelsAndTexts(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("rules.db");
        try (RuleStore store = RuleStore.create(db)) {
            store.setMarkingLevels(java.util.Set.of(Level.TOP_SECRET, Level.SECRET, Level.CONFIDENTIAL));
            store.setPopupText(new PopupText(Level.SECRET, null, PopupTexts.ZH_CN, "本单位规定：……", "请联系保密办王老师。"));
        }
        try (RulesWiring rules = wiring(dir, "rules.db=rules.db\n")) {
            assertNotEquals("baseline", rules.versionLabel());
            assertTrue(rules.current().engine().inspect(Segment.body("内部资料 注意保存\n通知")).isClean(),
                    "internal markings switched off by IT");
            assertEquals("请联系保密办王老师。", rules.current().popups()
                    .find(Level.SECRET, Channel.CLIPBOARD, PopupTexts.ZH_CN).orElseThrow().advice());
        }
    }

    @Test
    void aSourceWithoutAPublicKeyIsRefusedAndSaysSo(@TempDir Path dir) throws Exception {
        try (RulesWiring rules = wiring(dir, "rules.source=" + dir.resolve("share") + "\n")) {
            assertEquals("rules-source-invalid", rules.problem());
            assertEquals("baseline", rules.versionLabel());
            assertFalse(rules.updatesConfigured());
        }
    }

    @Test
    void aDamagedDatabaseKeepsTheBaseline(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("rules.db"), "not a database");
        try (RulesWiring rules = wiring(dir, "")) {
            assertEquals("rules-db-invalid", rules.problem());
            assertEquals("baseline", rules.versionLabel());
        }
        assertTrue(events.stream().noneMatch(e -> e.startsWith(EventKind.RULES_UPDATED.name())));
    }
}
