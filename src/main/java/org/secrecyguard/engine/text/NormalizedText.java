package org.secrecyguard.engine.text;

/**
 * Text after normalisation, with a map back to the original so that detectors can report where a
 * match stood. {@code origin[i]} is the index in the original string of normalised char {@code i};
 * {@code origin[length]} is the original length.
 */
public final class NormalizedText {
    private final String text;
    private final int[] origin;

    NormalizedText(String text, int[] origin) {
        this.text = text;
        this.origin = origin;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public char charAt(int i) {
        return text.charAt(i);
    }

    /** Index in the original string of normalised char {@code i} (i may equal length()). */
    public int originOf(int i) {
        return origin[i];
    }

    @Override
    public String toString() {
        return text;
    }
}
