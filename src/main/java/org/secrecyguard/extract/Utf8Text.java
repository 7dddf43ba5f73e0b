package org.secrecyguard.extract;

import org.secrecyguard.engine.text.CharScratch;

/**
 * Strict UTF-8 to text in one pass, noting on the way whether {@link DocumentCollector#clean} would change
 * anything. Plain text files are most of what a self-check reads, and the JDK's decoder followed by a
 * U+FFFD search and the cleaning scan were three passes over every char (and a copy of the input and one of
 * the output inside {@code new String}).
 *
 * <p>Strict as the JDK's REPORT decoder: overlong forms, encoded surrogates, code points above U+10FFFF,
 * stray continuation bytes and a sequence cut at the end are refused (null), and the caller falls back to
 * detection. Valid input gives exactly the JDK's text, stripped at the end (UTF8TextTest compares them).
 */
final class Utf8Text {
    /** Up to 256K chars (512 KB) kept per extracting thread: a text file of up to 256 KB decodes in place. */
    private static final CharScratch SCRATCH = new CharScratch(1 << 18);

    /**
     * The text, whether it holds a char {@code clean} changes or drops, and whether it holds U+0000 (only
     * such bytes can be UTF-16 without a byte-order mark, which is also valid UTF-8).
     */
    record Decoded(char[] chars, boolean needsCleaning, boolean hasNul) {
        String text() {
            return new String(chars);
        }
    }

    private Utf8Text() {
    }

    /**
     * The text of {@code len} bytes from {@code off} without trailing whitespace (which every caller
     * drops), or null when they are not strictly valid UTF-8.
     */
    static Decoded decode(byte[] b, int off, int len) {
        char[] out = SCRATCH.atLeast(len); // never more chars than bytes
        int n = 0;
        int i = off;
        int end = off + len;
        boolean special = false;
        boolean nul = false;
        while (i < end) {
            int b0 = b[i];
            if (b0 >= 0) {
                if (b0 < 0x20 && b0 != '\n' && b0 != '\t' || b0 == 0x7f) {
                    special = true;
                    nul |= b0 == 0;
                }
                out[n++] = (char) b0;
                i++;
            } else if ((b0 & 0xf0) == 0xe0) { // before the two-byte case: CJK is what office PCs hold
                if (i + 2 >= end) {
                    return null;
                }
                int b1 = b[i + 1];
                int b2 = b[i + 2];
                if ((b1 & 0xc0) != 0x80 || (b2 & 0xc0) != 0x80) {
                    return null;
                }
                int c = (b0 & 0x0f) << 12 | (b1 & 0x3f) << 6 | (b2 & 0x3f);
                if (c < 0x800 || c >= 0xd800 && c <= 0xdfff) {
                    return null;
                }
                if ((c | 1) == 0x2029 || c == 0xfeff || c == 0xfffe) {
                    special = true;
                }
                out[n++] = (char) c;
                i += 3;
            } else if ((b0 & 0xe0) == 0xc0) {
                if (i + 1 >= end) {
                    return null;
                }
                int b1 = b[i + 1];
                if ((b0 & 0x1e) == 0 || (b1 & 0xc0) != 0x80) {
                    return null; // C0 and C1 start only overlong forms
                }
                out[n++] = (char) ((b0 & 0x1f) << 6 | (b1 & 0x3f));
                i += 2;
            } else if ((b0 & 0xf8) == 0xf0) {
                if (i + 3 >= end) {
                    return null;
                }
                int b1 = b[i + 1];
                int b2 = b[i + 2];
                int b3 = b[i + 3];
                if ((b1 & 0xc0) != 0x80 || (b2 & 0xc0) != 0x80 || (b3 & 0xc0) != 0x80) {
                    return null;
                }
                int cp = (b0 & 0x07) << 18 | (b1 & 0x3f) << 12 | (b2 & 0x3f) << 6 | (b3 & 0x3f);
                if (cp < 0x10000 || cp > 0x10ffff) {
                    return null;
                }
                out[n++] = Character.highSurrogate(cp);
                out[n++] = Character.lowSurrogate(cp);
                i += 4;
            } else {
                return null; // a continuation byte without a start, or F8-FF
            }
        }
        while (n > 0 && Character.isWhitespace(out[n - 1])) {
            n--; // here, not by the collector's stripTrailing: that copies the whole text again
        }
        return new Decoded(java.util.Arrays.copyOf(out, n), special, nul);
    }

    /**
     * True for UTF-8 text with a little damage: at least {@value #MIN_SEQUENCES} well-formed multi-byte
     * characters and one malformed sequence, or one per {@value #DAMAGE_RATIO} of them. A file cut
     * mid-character, or with one stray byte (a GBK fragment pasted into UTF-8), is still UTF-8; read as
     * GB18030 it would be garbage, and its marking missed. GBK and Big5 text breaks UTF-8's rules about
     * every other character, so it never passes.
     */
    static boolean mostlyValid(byte[] b, int off, int len) {
        int valid = 0;
        int malformed = 0;
        int i = off;
        int end = off + len;
        while (i < end) {
            int b0 = b[i] & 0xff;
            int need = b0 < 0x80 ? 0 : b0 >= 0xc2 && b0 <= 0xdf ? 1 : b0 >= 0xe0 && b0 <= 0xef ? 2
                    : b0 >= 0xf0 && b0 <= 0xf4 ? 3 : -1;
            if (need == 0) {
                i++;
                continue;
            }
            int k = 1;
            while (need > 0 && k <= need && i + k < end && (b[i + k] & 0xc0) == 0x80) {
                k++;
            }
            if (need > 0 && k == need + 1) {
                valid++;
                i += k;
            } else {
                malformed++;
                i += Math.max(1, k);
                // Every character still to come takes two bytes at least: stop once they could not make
                // up for the damage (GBK text gets here within its first kilobyte).
                if (malformed > Math.max(1, (valid + (end - i) / 2) / DAMAGE_RATIO)) {
                    return false;
                }
            }
        }
        return valid >= MIN_SEQUENCES && malformed <= Math.max(1, valid / DAMAGE_RATIO);
    }

    private static final int MIN_SEQUENCES = 4;
    private static final int DAMAGE_RATIO = 100;
}
