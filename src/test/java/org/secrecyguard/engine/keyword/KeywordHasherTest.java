package org.secrecyguard.engine.keyword;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secrecyguard.engine.keyword.KeywordTestSupport.KEY;
import static org.secrecyguard.engine.keyword.KeywordTestSupport.key;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.Level;

class KeywordHasherTest {
    private final KeywordHasher hasher = new KeywordHasher(KEY);

    @Test
    void rejectsTermsShorterThanTwoCharactersWithoutRepeatingThem() {
        for (String term : new String[] {"", "鹞", " 鹞　", "鹞。", "“鹞”\n", "★·—"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> hasher.rule("kw:1", Level.SECRET, term));
            assertTrue(e.getMessage().contains("too short"), e.getMessage());
            assertFalse(e.getMessage().contains("鹞"), "the message must not repeat the term");
        }
    }

    @Test
    void acceptsTwoCharacterTerms() {
        KeywordRule rule = hasher.rule("kw:2", Level.CONFIDENTIAL, "鹞鹰");
        assertEquals(2, rule.length());
        assertEquals(Level.CONFIDENTIAL, rule.level());
        assertEquals("kw:2", rule.id());
    }

    @Test
    void rejectsTermsLongerThanSixtyFourCharacters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> hasher.rule("kw:3", Level.SECRET, "天".repeat(65)));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
    }

    @Test
    void variantSpellingsOfATermHashToTheSameRule() {
        KeywordRule plain = hasher.rule("kw:1", Level.SECRET, "长城数据中心XK2026");
        for (String variant : new String[] {
                "長城數據中心ＸＫ２０２６", "长 城 数 据 中 心 xk-2026", "长城\n数据中心·XK 2026", "“长城”数据中心（XK）2026"}) {
            KeywordRule other = hasher.rule("kw:1", Level.SECRET, variant);
            assertEquals(plain.length(), other.length(), variant);
            assertEquals(plain.prefilter(), other.prefilter(), variant);
            assertArrayEquals(plain.digest(), other.digest(), variant);
        }
    }

    @Test
    void prefilterIsShortAndDigestIsAFullHmac() {
        KeywordRule rule = hasher.rule("kw:1", Level.SECRET, "天网工程");
        assertTrue(rule.prefilter() >= 0 && rule.prefilter() < (1L << 22), "prefilter must fit in 22 bits");
        assertEquals(32, rule.digest().length);
    }

    @Test
    void prefilterCoversFourKeyCharsAwayFromCommonWordsAndTheDigestTheWholeTerm() {
        KeywordRule shortTerm = hasher.rule("kw:1", Level.SECRET, "鲲鹏号");
        assertEquals(3, shortTerm.prefilterLength());
        assertEquals(0, shortTerm.prefilterOffset());

        KeywordRule rule = hasher.rule("kw:2", Level.SECRET, "中华人民共和国·鲲鹏计划");
        assertEquals(11, rule.length());
        assertEquals(4, rule.prefilterLength());
        int o = rule.prefilterOffset();
        String anchor = "中华人民共和国鲲鹏计划".substring(o, o + 4);
        assertTrue(anchor.contains("鲲"), "the anchor takes the rare chars, not 中华人民: " + anchor);
        assertEquals(hasher.rule("kw:3", Level.SECRET, anchor).prefilter(), rule.prefilter(),
                "the prefilter is the keyed hash of those four chars");

        KeywordRule rare = hasher.rule("kw:4", Level.SECRET, "鲲鹏鹞隼翎骁");
        assertEquals(0, rare.prefilterOffset(), "no char is common: the first window");
        KeywordRule dated = hasher.rule("kw:5", Level.SECRET, "2026年XK工程");
        assertTrue(dated.prefilterOffset() >= 3, "digits and 年 are common in documents");

        assertArrayEquals(rule.digest(), WholeTermRules.rule(KEY, "kw:2", Level.SECRET, "中华人民共和国鲲鹏计划")
                .digest(), "the digest is the same as before anchors: re-adding a term finds the old rule");
    }

    @Test
    void anotherDeploymentKeyGivesUnrelatedHashes() {
        KeywordRule a = hasher.rule("kw:1", Level.SECRET, "天网工程");
        KeywordRule b = new KeywordHasher(key(7)).rule("kw:1", Level.SECRET, "天网工程");
        assertNotEquals(a.prefilter(), b.prefilter());
        assertFalse(Arrays.equals(a.digest(), b.digest()));
    }

    @Test
    void rejectsAShortDeploymentKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KeywordHasher(new byte[8]));
        assertTrue(e.getMessage().contains("at least 16 bytes"), e.getMessage());
    }
}
