package org.secrecyguard.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns the bytes of a text file into text. Order of trust: a byte-order mark; the zero-byte pattern of
 * UTF-16; strict UTF-8 validity (pure ASCII included); then GB18030 (a superset of GBK and GB2312, what
 * Chinese office PCs write) unless the text decoded that way looks like Big5 or another encoding read
 * as GBK, in which case juniversalchardet decides. Statistical detectors alone misread short GBK text
 * ("机密★1年" comes out as IBM866), hence the strict checks first.
 */
final class TextDecoder {
    static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset GB2312 = Charset.forName("GB2312");

    /**
     * The text and the charset it was read with; {@code clean} when the text is known to hold nothing
     * {@link DocumentCollector#clean} would change. UTF-8 keeps the decoder's chars and makes the String
     * only when asked: a plain text file's segment takes the chars as they are.
     */
    static final class Decoded {
        private final char[] chars;
        private final String text;
        private final Charset charset;
        private final boolean clean;

        private Decoded(char[] chars, String text, Charset charset, boolean clean) {
            this.chars = chars;
            this.text = text;
            this.charset = charset;
            this.clean = clean;
        }

        static Decoded ofString(String text, Charset charset) {
            return new Decoded(null, text, charset, false);
        }

        static Decoded ofUtf8(Utf8Text.Decoded utf8, Charset charset) {
            return new Decoded(utf8.chars(), null, charset, !utf8.needsCleaning());
        }

        /** The text; for UTF-8 a new String at each call (callers ask once). */
        String text() {
            return text != null ? text : new String(chars);
        }

        /** The decoded chars, or null when the text was decoded to a String; not to be changed. */
        char[] chars() {
            return chars;
        }

        Charset charset() {
            return charset;
        }

        boolean clean() {
            return clean;
        }
    }

    private TextDecoder() {
    }

    static Decoded decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    static Decoded decode(byte[] bytes, int offset, int length) {
        Charset bom = bomCharset(bytes, offset, length);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            Utf8Text.Decoded utf8 = bom == StandardCharsets.UTF_8 ? Utf8Text.decode(bytes, offset + skip, length - skip) : null;
            if (utf8 != null) {
                return Decoded.ofUtf8(utf8, bom);
            }
            return Decoded.ofString(new String(bytes, offset + skip, length - skip, bom), bom);
        }
        // Most text is UTF-8: one strict pass decodes it and proves it valid; anything else takes the
        // full detection. UTF-16 without a byte-order mark can be valid UTF-8 too, but only with zero
        // bytes in it, so the UTF-16 test is left for text that has them.
        Utf8Text.Decoded utf8 = Utf8Text.decode(bytes, offset, length);
        if (utf8 != null && (!utf8.hasNul() || utf16WithoutBom(bytes, offset, length) == null)) {
            return Decoded.ofUtf8(utf8, StandardCharsets.UTF_8);
        }
        Charset cs = detect(bytes, offset, length);
        return Decoded.ofString(new String(bytes, offset, length, cs), cs);
    }

    /**
     * How much of the start to decode for a look at it: {@code max} bytes, less the bytes of a UTF-8
     * character cut at the end (at most three). A cut character would make valid UTF-8 look invalid and
     * send the sample through the GB18030 and statistical detection for nothing.
     */
    static int headLength(byte[] b, int max) {
        if (b.length <= max) {
            return b.length;
        }
        if (bomCharset(b, 0, max) != null && bomCharset(b, 0, max) != StandardCharsets.UTF_8
                || utf16WithoutBom(b, 0, max) != null) {
            return max; // UTF-16: the cut is between code units
        }
        int n = max;
        while (n > max - 3 && (b[n] & 0xc0) == 0x80) {
            n--; // b[n] continues the character before it: cut at that character's start instead
        }
        return n;
    }

    /**
     * How much of a text to decode when bytes past {@code maxBytes} are never needed: all of it when it is
     * shorter, else {@link #headLength}, so that the cut does not split a character and make UTF-8 text
     * look like another encoding.
     */
    static int lengthWithin(byte[] b, long maxBytes) {
        return b.length <= maxBytes ? b.length : headLength(b, (int) maxBytes);
    }

    /** For short strings such as zip entry names: valid UTF-8, else GB18030. */
    static String decodeShort(byte[] bytes) {
        if (isStrictUtf8(bytes, 0, bytes.length)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return new String(bytes, GB18030);
    }

    static Charset bomCharset(byte[] b, int off, int len) {
        if (len >= 3 && (b[off] & 0xff) == 0xef && (b[off + 1] & 0xff) == 0xbb && (b[off + 2] & 0xff) == 0xbf) {
            return StandardCharsets.UTF_8;
        }
        if (len >= 2 && (b[off] & 0xff) == 0xff && (b[off + 1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        if (len >= 2 && (b[off] & 0xff) == 0xfe && (b[off + 1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** The charset for bytes without a byte-order mark. */
    static Charset detect(byte[] b, int off, int len) {
        Charset utf16 = utf16WithoutBom(b, off, len);
        if (utf16 != null) {
            return utf16;
        }
        if (isStrictUtf8(b, off, len) || Utf8Text.mostlyValid(b, off, len)) {
            return StandardCharsets.UTF_8; // damaged UTF-8 is decoded with U+FFFD where the damage is
        }
        if (looksLikeSimplifiedChinese(b, off, len)) {
            return GB18030;
        }
        Charset guessed = chardet(b, off, len);
        if (guessed != null && decodesStrictly(guessed, b, off, len)) {
            return guessed;
        }
        return GB18030;
    }

    /**
     * UTF-16 without a mark: text that is mostly ASCII or CJK has a zero byte in nearly every other
     * position (ASCII) or at least a strong parity imbalance; single-byte encodings have no zero bytes.
     */
    static Charset utf16WithoutBom(byte[] b, int off, int len) {
        int n = Math.min(len, 4096) & ~1;
        if (n < 4) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[off + i] == 0) {
                evenZeros++;
            }
            if (b[off + i + 1] == 0) {
                oddZeros++;
            }
        }
        int pairs = n / 2;
        // Text in single- and multi-byte encodings has no zero bytes at all; UTF-16 has them on one side
        // for every ASCII character (digits, line breaks, punctuation) and almost never on the other.
        Charset candidate = null;
        if (oddZeros >= 2 && oddZeros > pairs * 0.05 && evenZeros <= pairs * 0.01) {
            candidate = StandardCharsets.UTF_16LE;
        } else if (evenZeros >= 2 && evenZeros > pairs * 0.05 && oddZeros <= pairs * 0.01) {
            candidate = StandardCharsets.UTF_16BE;
        }
        return candidate != null && plausibleText(b, off, n, candidate) ? candidate : null;
    }

    /** Binary data read as UTF-16 gives control characters or broken surrogate pairs; text does not. */
    private static boolean plausibleText(byte[] b, int off, int len, Charset cs) {
        CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars;
        try {
            chars = dec.decode(ByteBuffer.wrap(b, off, len));
        } catch (CharacterCodingException e) {
            return false;
        }
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == '\ufffd' || c == '\ufffe') {
                return false;
            }
        }
        return true;
    }

    static boolean isStrictUtf8(byte[] b, int off, int len) {
        return decodesStrictly(StandardCharsets.UTF_8, b, off, len);
    }

    /** Decodes in small chunks, so that checking a file of tens of megabytes allocates almost nothing. */
    private static boolean decodesStrictly(Charset cs, byte[] b, int off, int len) {
        CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, off, len);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = dec.decode(in, out, true);
            if (r.isError()) {
                return false;
            }
            if (r.isUnderflow()) {
                break;
            }
            out.clear();
        }
        out.clear();
        return !dec.flush(out).isError();
    }

    /**
     * True when the bytes read as GB18030 give mostly characters of GB2312, the 6,763 common simplified
     * characters. Big5 (and other double-byte encodings) read as GBK give mostly rare characters.
     */
    static boolean looksLikeSimplifiedChinese(byte[] b, int off, int len) {
        int sample = Math.min(len, 64 * 1024);
        CharsetDecoder dec = GB18030.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars;
        try {
            chars = dec.decode(ByteBuffer.wrap(b, off, sample));
        } catch (CharacterCodingException e) {
            // The sample may end in the middle of a character: retry leniently on a full sample only.
            if (sample == len) {
                return false;
            }
            chars = CharBuffer.wrap(new String(b, off, sample, GB18030));
        }
        CharsetEncoder common = GB2312.newEncoder();
        int nonAscii = 0;
        int inCommon = 0;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c < 0x80 || c == '\ufffd') {
                continue;
            }
            nonAscii++;
            if (common.canEncode(c)) {
                inCommon++;
            }
        }
        return nonAscii > 0 && inCommon >= nonAscii * 0.8;
    }

    private static Charset chardet(byte[] b, int off, int len) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(b, off, Math.min(len, 256 * 1024));
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
