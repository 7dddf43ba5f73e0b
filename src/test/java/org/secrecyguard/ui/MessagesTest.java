package org.secrecyguard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.Level;
import org.secrecyguard.platform.Limitation;
import org.secrecyguard.policy.Channel;

class MessagesTest {
    @Test
    void chineseIsTheDefaultEvenOnAnEnglishSystem() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertEquals("保护中", Messages.forLanguage(null).get("state.protected"));
            assertEquals("保护中", Messages.forLanguage("zh-CN").get("state.protected"));
            assertEquals("Protected", Messages.forLanguage("en").get("state.protected"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        assertEquals(keys("messages.properties"), keys("messages_en.properties"));
    }

    @Test
    void everyLevelChannelAndLimitationHasAText() {
        for (Messages m : new Messages[] {Messages.chinese(), Messages.forLanguage("en")}) {
            for (Level l : Level.values()) {
                assertTrue(m.has("level." + l.name()), l.name());
            }
            for (Channel c : Channel.values()) {
                assertTrue(m.has("channel." + c.name()), c.name());
            }
            for (Limitation l : Limitation.values()) {
                assertTrue(m.has("problem." + l.code()), l.code());
            }
            assertTrue(m.has("problem.ocr-unavailable"));
            assertTrue(m.has("problem.events-unavailable"));
        }
        assertEquals("未知问题：x-y", Messages.chinese().problem("x-y"));
    }

    private static Set<String> keys(String file) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(file)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
