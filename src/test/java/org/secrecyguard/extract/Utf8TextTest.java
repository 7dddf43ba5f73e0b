package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
    /** The JDK's strict decoder: the text, or null for input it refuses. */
    private static String jdkStrict(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static void agreesWithTheJdk(byte[] b) {
        String expected = jdkStrict(b);
        Utf8Text.Decoded got = Utf8Text.decode(b, 0, b.length);
        String hex = HexFormat.of().formatHex(b, 0, Math.min(b.length, 64));
        if (expected == null) {
            assertNull(got, "accepted what the JDK refuses: " + hex);
            return;
        }
        assertNotNull(got, "refused valid UTF-8: " + hex);
        assertEquals(expected.stripTrailing(), got.text(), hex); // every caller strips it: the decoder does
        assertEquals(!DocumentCollector.clean(expected).equals(expected), got.needsCleaning(), hex);
    }

    @Test
    void refusesWhatTheJdksStrictDecoderRefuses() {
        for (String hex : new String[] {"c080", "c1bf", "e08080", "e09fbf", "eda080", "edbfbf", "f0808080", "f08fbfbf",
                "f4908080", "f5808080", "ff", "80", "bf", "e69c", "e6", "f09f98", "c3", "e6e69c", "41c3"}) {
            byte[] b = HexFormat.of().parseHex(hex);
            assertNull(jdkStrict(b), hex + " is valid to the JDK: the case is wrong");
            assertNull(Utf8Text.decode(b, 0, b.length), hex);
        }
    }

    @Test
    void decodesEveryKindOfCharAsTheJdkDoes() {
        for (String s : new String[] {"", "abc", "机密★1年", "é±", "\uffff\ufffd\ufffe", "\ud83d\ude00 \udbff\udfff",
                "a\r\nb", "x\u2028y", "\ufeff机密", "\u0007\u001e\u007f", "\t\n", "ü߿ࠀ", "机密\r\n \u3000\t", "\ud83d\ude00\n"}) {
            agreesWithTheJdk(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void agreesWithTheJdkOnRandomTextAndDamagedText() {
        Random r = new Random(20261207);
        int[] starts = {0, 0x20, 0x7f, 0x80, 0x7ff, 0x800, 0x2028, 0x4e00, 0xd7ff, 0xe000, 0xfeff, 0xfffe, 0x10000, 0x10ffff};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            int chars = r.nextInt(12);
            for (int k = 0; k < chars; k++) {
                int cp = Math.min(0x10ffff, starts[r.nextInt(starts.length)] + r.nextInt(3));
                if (cp >= 0xd800 && cp <= 0xdfff) {
                    cp = 0x4e00;
                }
                sb.appendCodePoint(cp);
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            if (b.length > 0 && r.nextInt(3) == 0) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256); // damage one byte
            }
            if (b.length > 0 && r.nextInt(5) == 0) {
                b = java.util.Arrays.copyOf(b, r.nextInt(b.length)); // cut anywhere, mid-character too
            }
            agreesWithTheJdk(b);
        }
    }

    @Test
    void decodesASliceOfTheArray() {
        byte[] b = "xx机密★yy".getBytes(StandardCharsets.UTF_8);
        assertEquals("机密★", Utf8Text.decode(b, 2, 9).text());
        assertNull(Utf8Text.decode(b, 2, 8), "a character cut by the slice's end");
    }

    @Test
    void theTextDecoderStillFallsBackForGbkAndDamagedUtf8() {
        byte[] gbk = "机密★1年".getBytes(TextDecoder.GB18030);
        assertEquals("机密★1年", TextDecoder.decode(gbk).text());
        byte[] bomDamaged = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'a', (byte) 0xff, 'b'};
        TextDecoder.Decoded d = TextDecoder.decode(bomDamaged);
        assertEquals("a\ufffdb", d.text(), "a marked UTF-8 file keeps what is readable");
        assertFalse(d.clean());
        assertTrue(TextDecoder.decode("机密".getBytes(StandardCharsets.UTF_8)).clean());
        assertFalse(TextDecoder.decode("机\r\n密".getBytes(StandardCharsets.UTF_8)).clean());
    }
}
