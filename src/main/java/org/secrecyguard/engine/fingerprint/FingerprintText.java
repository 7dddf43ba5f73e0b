package org.secrecyguard.engine.fingerprint;

/**
 * The characters that fingerprinting looks at: the normalised text with punctuation, whitespace and
 * line breaks dropped, so that re-punctuated, re-wrapped and re-spaced copies give the same n-grams.
 * {@link #sourceIndex(int)} maps each kept char back to its index in the text it was prepared from.
 */
public final class FingerprintText {
    private final char[] chars;
    private final int length;
    private final int[] sourceIndex;

    FingerprintText(char[] chars, int length, int[] sourceIndex) {
        this.chars = chars;
        this.length = length;
        this.sourceIndex = sourceIndex;
    }

    public int length() {
        return length;
    }

    public char charAt(int i) {
        if (i >= length) {
            throw new IndexOutOfBoundsException(i);
        }
        return chars[i];
    }

    /** Index, in the text this was prepared from, of kept char {@code i}. */
    public int sourceIndex(int i) {
        if (i >= length) {
            throw new IndexOutOfBoundsException(i);
        }
        return sourceIndex[i];
    }

    int[] sourceIndexes() {
        return sourceIndex;
    }

    char[] chars() {
        return chars;
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
