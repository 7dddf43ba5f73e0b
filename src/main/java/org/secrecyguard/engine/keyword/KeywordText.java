package org.secrecyguard.engine.keyword;

import org.secrecyguard.engine.text.TextNormalizer;

/**
 * The "key form" in which keywords are hashed and text is matched: the normalised text
 * ({@link TextNormalizer}) with line breaks, punctuation and symbols left out.
 *
 * <p>Why leave them out: a term split by a line break (PDF and OCR wrap lines anywhere) or broken up by
 * punctuation ("天网·行动", "天-网-行-动", "“天网”行动") is still the term to a reader, and inserting
 * punctuation is the cheapest way to dodge a filter. The price is that a term can also match across a
 * sentence boundary ("…天网。行动…"); sensitive terms are distinctive code names, so that is rare and errs
 * on the side of reporting. Letters, digits, CJK characters and combining marks are kept; spaces are
 * already removed by the normaliser.
 */
final class KeywordText {
    /** One bit per UTF-16 char: set when the (already normalised) char takes part in matching. */
    private static final long[] KEEP = buildKeepTable();

    private KeywordText() {
    }

    /** True when the normalised char {@code c} is part of the key form. */
    static boolean isKeyChar(char c) {
        return (KEEP[c >>> 6] & (1L << c)) != 0;
    }

    /** The key form of a raw term or text: normalised, then stripped of line breaks and punctuation. */
    static String keyForm(String raw) {
        String normalized = TextNormalizer.normalize(raw).text();
        StringBuilder sb = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (isKeyChar(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** True for the chars a Latin word is made of; such a term must not match inside a longer word. */
    static boolean isAsciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    private static long[] buildKeepTable() {
        long[] table = new long[(Character.MAX_VALUE + 1) / 64];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (keepSlow((char) c)) {
                table[c >>> 6] |= 1L << c;
            }
        }
        return table;
    }

    private static boolean keepSlow(char c) {
        if (Character.isSurrogate(c)) {
            return true; // CJK extension characters arrive as surrogate pairs
        }
        switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
            case Character.MATH_SYMBOL:
            case Character.CURRENCY_SYMBOL:
            case Character.MODIFIER_SYMBOL:
            case Character.OTHER_SYMBOL:
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SPACE_SEPARATOR:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
