package org.secrecyguard.engine.text;

/**
 * Text after normalisation, with a map back to the original so that detectors can report where a
 * match stood. {@link #originOf(int) originOf(i)} is the index in the original string of normalised
 * char {@code i}; {@code originOf(length())} is the original length.
 *
 * <p>The map is kept compact because normalisation mostly keeps chars one for one: it only records the
 * normalised indexes at which the offset to the original changes (after dropped spaces, CR of CRLF...),
 * so a document without such gaps costs no map at all and lookups there are free.
 */
public final class NormalizedText {
    private final String text;
    /** Ascending normalised indexes at which {@code origin - index} changes to {@code shifts[k]}. */
    private final int[] shiftAt;
    private final int[] shifts;
    private final int shiftCount;

    NormalizedText(String text, int[] shiftAt, int[] shifts, int shiftCount) {
        this.text = text;
        this.shiftAt = shiftAt;
        this.shifts = shifts;
        this.shiftCount = shiftCount;
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
        if (i < 0 || i > text.length()) {
            throw new IndexOutOfBoundsException("index " + i + " outside 0.." + text.length());
        }
        // last k with shiftAt[k] <= i
        int lo = 0;
        int hi = shiftCount - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (shiftAt[mid] <= i) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? i : i + shifts[found];
    }

    @Override
    public String toString() {
        return text;
    }
}
