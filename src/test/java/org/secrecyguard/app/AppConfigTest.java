package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.platform.OsFamily;

class AppConfigTest {
    @Test
    void dataFolderFollowsEachSystemsConvention() {
        assertEquals(Path.of("C:\\Users\\li\\AppData\\Local", "SecrecyGuard"), AppConfig.defaultDataDir("Windows 10",
                Map.of("LOCALAPPDATA", "C:\\Users\\li\\AppData\\Local"), "C:\\Users\\li", null));
        assertEquals(Path.of("/home/li/.local/share/secrecy-guard"),
                AppConfig.defaultDataDir("Linux", Map.of(), "/home/li", null));
        assertEquals(Path.of("/xdg/secrecy-guard"),
                AppConfig.defaultDataDir("Linux", Map.of("XDG_DATA_HOME", "/xdg"), "/home/li", null));
        assertEquals(Path.of("/tmp/x"), AppConfig.defaultDataDir("Linux", Map.of(), "/home/li", "/tmp/x"));
        assertEquals(Path.of("/Users/li/Library/Application Support/SecrecyGuard"),
                AppConfig.defaultDataDir("Mac OS X", Map.of(), "/Users/li", null));
        assertEquals(Path.of("/home/li/.local/share/secrecy-guard"),
                AppConfig.defaultDataDir(OsFamily.LINUX, Map.of(), "/home/li", null));
    }

    @Test
    void firstStartWritesADocumentedDefaultFile(@TempDir Path dir) throws Exception {
        AppConfig c = AppConfig.load(dir);
        String file = Files.readString(dir.resolve(AppConfig.FILE));
        assertTrue(file.contains("admin.pin.hash="), file);
        assertTrue(file.contains("secrecy-guard pin-hash"), file);
        assertEquals("", c.adminPinHash());
        assertEquals(dir.resolve("rules.db"), c.rulesDb());
        assertEquals("zh-CN", c.language());
        assertEquals(Duration.ofSeconds(8), c.warnSeconds());
        assertTrue(c.systemTray());
        assertTrue(c.chatFolders().isEmpty());
        assertTrue(file.contains("chat.folders="), file);
    }

    @Test
    void readsWhatItSetsAndClampsNonsense(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(AppConfig.FILE), """
                admin.pin.hash=pbkdf2-sha256:210000:c2FsdA:aGFzaA
                collector.url=https://baomi.example.gov.cn/events
                collector.token=3f9c0e5b7a2d41c8b6e9f0a1d2c3b4a5
                rules.db=/var/lib/sg/rules.db
                ui.language=en
                popup.warn.seconds=999
                ui.systemTray=false
                chat.folders=/data/微信 ; relative/folder;;/srv/企业微信
                """);
        AppConfig c = AppConfig.load(dir);
        assertEquals("pbkdf2-sha256:210000:c2FsdA:aGFzaA", c.adminPinHash());
        assertEquals("https://baomi.example.gov.cn/events", c.collectorUrl());
        assertEquals("3f9c0e5b7a2d41c8b6e9f0a1d2c3b4a5", c.collectorToken());
        assertEquals(Path.of("/var/lib/sg/rules.db"), c.rulesDb());
        assertEquals("en", c.language());
        assertEquals(Duration.ofSeconds(60), c.warnSeconds());
        assertEquals(false, c.systemTray());
        assertEquals(List.of(Path.of("/data/微信"), Path.of("/srv/企业微信")), c.chatFolders(),
                "absolute folders only; a relative one is left out");
    }
}
