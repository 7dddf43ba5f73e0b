package org.secrecyguard.engine.marking;

import org.secrecyguard.engine.text.NormalizedText;

/** Small comparisons over a range of normalised text, without copying it. */
final class TextRanges {
    private TextRanges() {
    }

    /** True when {@code s} stands at {@code at} and ends at or before {@code to}. */
    static boolean startsWith(NormalizedText t, int at, int to, String s) {
        return at >= 0 && at + s.length() <= to && regionEquals(t, at, s);
    }

    static boolean regionEquals(NormalizedText t, int at, String s) {
        if (at < 0 || at + s.length() > t.length()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (t.charAt(at + k) != s.charAt(k)) {
                return false; // usually the first char: cheaper than String.regionMatches' setup
            }
        }
        return true;
    }

    /**
     * True when the source had characters between normalised chars {@code i - 1} and {@code i} that
     * normalisation dropped: in practice whitespace (spaces, U+3000, tabs) or zero-width characters.
     */
    static boolean gapBefore(NormalizedText t, int i) {
        return i > 0 && i < t.length() && t.originOf(i) - t.originOf(i - 1) > 1;
    }
}
