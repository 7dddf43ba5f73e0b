package org.secrecyguard.engine.text;

import java.text.Normalizer;

/**
 * Folds the superficial differences that leakers (and OCR, and office formats) introduce, so that
 * detectors compare like with like:
 * <ul>
 *   <li>full-width ASCII and digits to half-width, compatibility forms to canonical (NFKC per char);</li>
 *   <li>traditional characters used in markings and common official vocabulary to simplified;</li>
 *   <li>ASCII letters to lower case;</li>
 *   <li>horizontal whitespace (spaces, U+3000, tabs, zero-width chars, soft hyphens) removed;</li>
 *   <li>all line breaks (CR, LF, CRLF, U+2028/2029, vertical tab, form feed) to a single '\n'.</li>
 * </ul>
 * Punctuation is kept: markings need the ★ and its look-alikes; detectors that ignore punctuation
 * skip it themselves.
 */
public final class TextNormalizer {
    private static final char[] FOLD = buildFoldTable();
    private static final int[] EMPTY = new int[0];
    /** Up to 256K chars (512 KB) kept per scanning thread. */
    private static final CharScratch SCRATCH = new CharScratch(1 << 18);

    private TextNormalizer() {
    }

    public static NormalizedText normalize(String input) {
        int length = input.length();
        char[] chars = SCRATCH.atLeast(length);
        input.getChars(0, length, chars, 0);
        return fold(chars, chars, length);
    }

    /** As {@link #normalize(String)}, for text held as chars (left as they are). */
    public static NormalizedText normalize(char[] input) {
        return fold(input, SCRATCH.atLeast(input.length), input.length);
    }

    /**
     * Folds {@code length} chars of {@code in} into {@code chars} (this thread's scratch array, or
     * {@code in} itself: the output never overtakes the input). Chars are mostly kept one for one, so the
     * inner loop only folds and moves them by the current shift; the rare dropped chars (and CRs) are
     * handled outside it, and the origin map only records where the shift changes (see NormalizedText).
     */
    private static NormalizedText fold(char[] in, char[] chars, int length) {
        int[] shiftAt = EMPTY;
        int[] shifts = EMPTY;
        int shiftCount = 0;
        int shift = 0;
        int i = 0;
        while (true) {
            for (; i < length; i++) {
                char folded = FOLD[in[i]];
                if (folded == 0) {
                    break;
                }
                chars[i - shift] = folded;
            }
            if (i == length) {
                break;
            }
            int dropped = i;
            for (; i < length && FOLD[in[i]] == 0; i++) {
                if (in[i] == '\r' && (i + 1 == length || in[i + 1] != '\n')) {
                    break; // a lone CR is a line break; the CR of CRLF is dropped and the LF emits it
                }
            }
            if (i > dropped) {
                shift += i - dropped;
                if (shiftCount == shiftAt.length) {
                    shiftAt = java.util.Arrays.copyOf(shiftAt, Math.max(8, shiftCount * 2));
                    shifts = java.util.Arrays.copyOf(shifts, shiftAt.length);
                }
                shiftAt[shiftCount] = i - shift;
                shifts[shiftCount++] = shift;
            }
            if (i < length && FOLD[in[i]] == 0) { // the lone CR
                chars[i - shift] = '\n';
                i++;
            }
        }
        return new NormalizedText(java.util.Arrays.copyOf(chars, length - shift), shiftAt, shifts, shiftCount);
    }

    /** The folded form of one char, or 0 when the char is dropped. */
    public static char fold(char c) {
        return FOLD[c];
    }

    private static char[] buildFoldTable() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            table[c] = foldSlow((char) c);
        }
        TraditionalChars.apply(table);
        return table;
    }

    /**
     * Blocks of chars that NFKC leaves as they are and that are neither space nor upper case: CJK unified
     * ideographs (the compatibility ideographs are elsewhere, U+F900) and precomposed Hangul syllables.
     */
    static boolean nfkcStable(char c) {
        return c >= 0x4e00 && c <= 0x9fff || c >= 0xac00 && c <= 0xd7a3;
    }

    private static char foldSlow(char c) {
        switch (c) {
            case '\n': case 0x0B: case 0x0C: case 0x85: case 0x2028: case 0x2029:
                return '\n';
            case ' ': case '\t': case 0xA0: case 0x3000: case 0x200B: case 0x200C: case 0x200D:
            case 0xFEFF: case 0xAD: case 0x2060: case 0x180E:
                return 0;
            default:
                break;
        }
        if (Character.isSurrogate(c)) {
            return c;
        }
        if (Character.isSpaceChar(c)) {
            return 0;
        }
        if (Character.getType(c) == Character.CONTROL) {
            return 0;
        }
        if (nfkcStable(c)) {
            return c; // half the table: the fold table is built on the first file's path, NFKC per char is slow
        }
        String s = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
        char r = s.length() == 1 ? s.charAt(0) : c;
        if (r >= 'A' && r <= 'Z') {
            r = (char) (r + 32);
        }
        if (Character.isSpaceChar(r)) {
            return 0;
        }
        return r;
    }
}
