package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.rules.RuleBundle;
import org.secrecyguard.rules.RuleStore;
import org.secrecyguard.rules.SigningKeys;

/** An installed PC: IT's site file wins over the user's own, and the tray follows the service's rules. */
class SiteSettingsTest {
    private static final KeyPair KEYS = SigningKeys.generate();
    private final List<String> events = new ArrayList<>();

    @Test
    void theSiteFileWinsOverWhatTheUserWrote(@TempDir Path dir) throws Exception {
        Path user = Files.createDirectories(dir.resolve("user"));
        Files.writeString(user.resolve(AppConfig.FILE), """
                collector.url=http://user.example/events
                admin.pin.hash=user-made
                rules.source=/home/li/my-rules
                ui.language=en
                """);
        SiteSettings site = site(dir, """
                collector.url = https://collector.example.gov.cn/events \s
                collector.token=t0k
                admin.pin.hash=pbkdf2$site
                """);
        AppConfig c = site.forUser(user);
        assertEquals("https://collector.example.gov.cn/events", c.collectorUrl());
        assertEquals("t0k", c.collectorToken());
        assertEquals("pbkdf2$site", c.adminPinHash());
        assertEquals("/home/li/my-rules", c.rulesSource(), "the site sets no source: the user's value stays");
        assertEquals("en", c.language(), "what the site leaves out stays the user's");
        assertEquals(user, c.dataDir(), "lock, logs and events stay per user");
        assertEquals(site.systemHome().resolve("rules.db"), c.rulesDb(), "a local rules database is the PC's, not the user's");
    }

    @Test
    void theTrayFollowsTheBundleTheServiceInstalledEvenAfterTheUserWipesTheirFolder(@TempDir Path dir) throws Exception {
        Path share = Files.createDirectories(dir.resolve("share"));
        Path db = dir.resolve("v7.db");
        try (RuleStore store = RuleStore.create(db)) {
            RuleBundle.create(store, 7, "XX县保密办", KEYS.getPrivate(), share.resolve("secrecy-guard-rules.zip"));
        }
        SiteSettings site = site(dir, "rules.source=" + share + "\nrules.publicKey="
                + Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n");

        AppConfig service = site.forService(site.systemHome());
        assertEquals(share.toString(), service.rulesSource(), "the service fetches from the unit's source itself");
        String version;
        try (RulesWiring rules = new RulesWiring(service, this::event)) {
            rules.checkNow();
            version = rules.versionLabel();
            assertNotEquals("baseline", version);
        }
        assertTrue(Files.isRegularFile(site.systemHome().resolve(SiteSettings.SERVICE_BUNDLE)));

        Path user = dir.resolve("home-li");
        for (int start = 0; start < 2; start++) {
            AppConfig tray = site.forUser(user);
            assertEquals(site.systemHome().resolve(SiteSettings.SERVICE_BUNDLE).toString(), tray.rulesSource());
            try (RulesWiring rules = new RulesWiring(tray, this::event)) {
                rules.checkNow();
                assertEquals(version, rules.versionLabel());
                assertEquals(null, rules.problem());
                assertTrue(!rules.current().engine().inspect(Segment.body("机密★1年\n通知")).isClean());
            }
            deleteTree(user); // the user removes their own folder: the next start has the same rules
        }
        assertTrue(events.stream().noneMatch(e -> e.startsWith("RULES_REJECTED")), events.toString());
    }

    private void event(org.secrecyguard.events.EventKind kind, String detail) {
        events.add(kind + " " + detail);
    }

    private static SiteSettings site(Path dir, String text) throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("site.properties"), text);
        return new SiteSettings(etc.resolve("site.properties"), dir.resolve("var-lib"));
    }

    private static void deleteTree(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
