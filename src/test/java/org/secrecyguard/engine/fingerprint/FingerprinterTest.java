package org.secrecyguard.engine.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.Level;

class FingerprinterTest {
    private final Fingerprinter fp = new Fingerprinter(TestRegistry.KEY);

    @Test
    void ignoresPunctuationSpacingLineBreaksAndWidth() {
        String original = "一、调度原则。今年主汛期白龙潭水库汛限水位按142米控制，遇上游来水超过每秒3200立方米时";
        String reworked = "一 调度原则 今年主汛期白龙潭水库\r\n汛限水位按１４２米控制;  遇上游来水\n超过每秒３２００立方米时!";
        assertEquals(fp.prepare(original).toString(), fp.prepare(reworked).toString());
        assertArrayEquals(fp.fingerprints(original), fp.fingerprints(reworked));
    }

    @Test
    void foldsDigitsSoThatDatesLookAlike() {
        assertEquals(fp.prepare("2026年5月20日").toString(), fp.prepare("2025年9月13日").toString());
    }

    @Test
    void foldsTraditionalCharacters() {
        assertEquals(fp.prepare("內部資料").toString(), fp.prepare("内部资料").toString());
    }

    @Test
    void mapsKeptCharactersBackToTheirSource() {
        FingerprintText t = fp.prepare("甲 ，乙\r\n丙");
        assertEquals("甲乙丙", t.toString());
        assertEquals(3, t.sourceIndex(1));
        assertEquals(6, t.sourceIndex(2));
    }

    @Test
    void winnowingFindsEveryLongEnoughSharedPassage() {
        // Schleimer et al.: a passage of window + ngram - 1 chars shared by two texts always yields a
        // shared fingerprint, whatever surrounds it.
        Random random = new Random(11);
        int guarantee = fp.window() + fp.ngram() - 1;
        for (int trial = 0; trial < 200; trial++) {
            String passage = randomHan(random, guarantee);
            String a = randomHan(random, random.nextInt(40)) + passage + randomHan(random, random.nextInt(40));
            String b = randomHan(random, random.nextInt(40)) + passage + randomHan(random, random.nextInt(40));
            long[] fa = fp.fingerprints(a);
            long[] fb = fp.fingerprints(b);
            assertTrue(Arrays.stream(fa).anyMatch(h -> Arrays.binarySearch(fb, h) >= 0), "trial " + trial);
        }
    }

    @Test
    void winnowingKeepsAboutTwoOfEveryWindowPlusOneHashes() {
        Random random = new Random(5);
        long[] hashes = fp.gramHashes(fp.prepare(randomHan(random, 20_000)));
        int[] picked = fp.winnow(hashes);
        double density = (double) picked.length / hashes.length;
        double expected = 2.0 / (fp.window() + 1);
        assertEquals(expected, density, expected * 0.1);
        for (int i = 1; i < picked.length; i++) {
            assertTrue(picked[i] - picked[i - 1] <= fp.window(), "gap larger than the window");
        }
    }

    @Test
    void differentKeysGiveUnrelatedFingerprints() {
        String text = TestDocuments.REGISTERED.get(0).text();
        long[] a = fp.fingerprints(text);
        long[] b = new Fingerprinter("another deployment key, 32 bytes".getBytes()).fingerprints(text);
        assertEquals(0, Arrays.stream(a).filter(h -> Arrays.binarySearch(b, h) >= 0).count());
    }

    @Test
    void registersTheNormalisedLength() {
        RegisteredDocument d = fp.register(7, "t", Level.SECRET, "甲乙丙丁戊己，庚辛。");
        assertEquals(8, d.textLength());
        assertEquals(Level.SECRET, d.level());
        assertTrue(d.fingerprints().length >= 1);
    }

    @Test
    void textShorterThanOneNgramHasNoFingerprints() {
        assertEquals(0, fp.fingerprints("甲乙").length);
    }

    @Test
    void refusesWeakKeysAndNonsenseParameters() {
        assertThrows(IllegalArgumentException.class, () -> new Fingerprinter(new byte[8]));
        assertThrows(IllegalArgumentException.class, () -> new Fingerprinter(TestRegistry.KEY, 1, 6));
        assertThrows(IllegalArgumentException.class, () -> new Fingerprinter(TestRegistry.KEY, 5, 0));
    }

    @Test
    void namesItsSchemeWithParameters() {
        assertEquals("siphash24-winnow-k8-w6-v1", fp.scheme());
    }

    static String randomHan(Random random, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = (char) (0x4E00 + random.nextInt(3000));
        }
        return new String(c);
    }
}
