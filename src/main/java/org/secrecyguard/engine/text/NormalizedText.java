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
    /**
     * The chars themselves, not a String: detectors walk them char by char, which an array serves
     * without String's per-char checks, and making a String of a whole document costs a copy (and a
     * failed Latin-1 compression) that most documents never need.
     */
    private final char[] chars;
    private String text; // made on first request; racy but idempotent
    /** Ascending normalised indexes at which {@code origin - index} changes to {@code shifts[k]}. */
    private final int[] shiftAt;
    private final int[] shifts;
    private final int shiftCount;

    NormalizedText(char[] chars, int[] shiftAt, int[] shifts, int shiftCount) {
        this.chars = chars;
        this.shiftAt = shiftAt;
        this.shifts = shifts;
        this.shiftCount = shiftCount;
    }

    /** The whole text as a String (a copy on first call: hot paths use the accessors below). */
    public String text() {
        String t = text;
        if (t == null) {
            t = new String(chars);
            text = t;
        }
        return t;
    }

    public int length() {
        return chars.length;
    }

    public char charAt(int i) {
        return chars[i];
    }

    /** The chars from {@code from} to {@code to} (exclusive). */
    public String substring(int from, int to) {
        return new String(chars, from, to - from);
    }

    /** As {@link String#getChars(int, int, char[], int)}. */
    public void getChars(int from, int to, char[] dst, int dstFrom) {
        System.arraycopy(chars, from, dst, dstFrom, to - from);
    }

    /** Index in the original string of normalised char {@code i} (i may equal length()). */
    public int originOf(int i) {
        if (i < 0 || i > chars.length) {
            throw new IndexOutOfBoundsException("index " + i + " outside 0.." + chars.length);
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

    /** The length only, as {@code Segment}'s: the text may be what was caught, and must not reach a log. */
    @Override
    public String toString() {
        return "NormalizedText[" + chars.length + " chars]";
    }
}
