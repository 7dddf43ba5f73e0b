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

    private TextNormalizer() {
    }

    public static NormalizedText normalize(String input) {
        StringBuilder out = new StringBuilder(input.length());
        int[] origin = new int[input.length() + 1];
        int n = 0;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '\r') {
                if (i + 1 < input.length() && input.charAt(i + 1) == '\n') {
                    continue; // CRLF: the LF emits the break
                }
                c = '\n';
            }
            char folded = fold(c);
            if (folded == 0) {
                continue;
            }
            if (n == origin.length - 1) {
                origin = java.util.Arrays.copyOf(origin, origin.length * 2);
            }
            origin[n++] = i;
            out.append(folded);
        }
        origin[n] = input.length();
        return new NormalizedText(out.toString(), n + 1 == origin.length ? origin : java.util.Arrays.copyOf(origin, n + 1));
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
