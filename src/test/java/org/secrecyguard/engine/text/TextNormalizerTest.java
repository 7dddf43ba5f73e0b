package org.secrecyguard.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    @Test
    void theBlocksTakenAsNfkcStableAreStable() {
        int stable = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (TextNormalizer.nfkcStable((char) c)) {
                String s = String.valueOf((char) c);
                assertEquals(s, java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC), Integer.toHexString(c));
                assertEquals(false, Character.isSpaceChar(c) || Character.isUpperCase(c), Integer.toHexString(c));
                stable++;
            }
        }
        assertEquals(20_992 + 11_172, stable);
    }

    @Test
    void foldsWidthCaseTraditionalAndDropsSpaces() {
        NormalizedText t = TextNormalizer.normalize("機密★ＸＫ－２０２６ 天　网");
        assertEquals("机密★xk-2026天网", t.text());
    }

    @Test
    void aShortTextAfterALongOneOnTheSameThreadIsItsOwn() {
        // the working array is reused per thread: nothing of the longer text may show through
        NormalizedText longer = TextNormalizer.normalize("机密★一年\n".repeat(5000));
        NormalizedText shorter = TextNormalizer.normalize("内部 资料");
        assertEquals("内部资料", shorter.text());
        assertEquals(4, shorter.length());
        assertEquals("机密★一年\n".repeat(5000), longer.text());
    }

    @Test
    void theCharAccessorsAgreeWithTheText() {
        NormalizedText t = TextNormalizer.normalize("第一行\r\n密 级：机密\n");
        String text = t.text();
        assertEquals(text.substring(4, 7), t.substring(4, 7));
        char[] dst = new char[3];
        t.getChars(4, 7, dst, 0);
        assertEquals(text.substring(4, 7), new String(dst));
        for (int i = 0; i < text.length(); i++) {
            assertEquals(text.charAt(i), t.charAt(i));
        }
    }

    @Test
    void everyLineBreakBecomesOneNewline() {
        assertEquals("a\nb\nc\nd\ne", TextNormalizer.normalize("a\r\nb\rc\nd\u2028e").text());
        assertEquals("\n\n", TextNormalizer.normalize("\r\r\n").text());
    }

    @Test
    void originPointsBackAcrossDroppedSpacesAndCrlf() {
        String raw = "  密 级\r\n★一年  ";
        NormalizedText t = TextNormalizer.normalize(raw);
        assertEquals("密级\n★一年", t.text());
        int[] expected = {2, 4, 6, 7, 8, 9};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], t.originOf(i), "origin of " + i);
        }
        assertEquals(raw.length(), t.originOf(t.length()));
    }

    @Test
    void matchesTheCharByCharDefinitionOnGeneratedText() {
        // The fast normaliser must give exactly the text and origin map of the plain definition:
        // drop chars that fold to 0, CRLF -> the LF, a lone CR -> '\n', everything else folded.
        String alphabet = "天网工程機密絕祕ＸＫ－２０２６xkAZ \u3000\t\r\n\u2028\u200B\u00AD，。“”★☆*";
        Random random = new Random(20260101);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String raw = sb.toString();
            StringBuilder want = new StringBuilder();
            java.util.List<Integer> origins = new java.util.ArrayList<>();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '\r') {
                    if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                        continue;
                    }
                    c = '\n';
                }
                char f = TextNormalizer.fold(c);
                if (f != 0) {
                    want.append(f);
                    origins.add(i);
                }
            }
            origins.add(raw.length());
            char[] rawChars = raw.toCharArray();
            for (NormalizedText t : java.util.List.of(TextNormalizer.normalize(raw), TextNormalizer.normalize(rawChars))) {
                assertEquals(want.toString(), t.text(), "text of round " + round);
                for (int i = 0; i <= t.length(); i++) {
                    assertEquals((int) origins.get(i), t.originOf(i), "origin of " + i + " in round " + round);
                }
            }
            assertEquals(raw, new String(rawChars), "the chars given are left as they were");
        }
    }
}
