package org.secrecyguard.engine;

import java.util.Arrays;
import java.util.Objects;
import org.secrecyguard.engine.text.NormalizedText;
import org.secrecyguard.engine.text.TextNormalizer;

/**
 * A run of text from one place in a document, with line breaks kept where the source had them: the text
 * as extracted (not normalised), what part of the document it came from, and a human-readable location
 * for findings, e.g. "page 3", "sheet 预算!B4", "header".
 *
 * <p>A segment made from chars ({@link #ofChars}) keeps them and makes its String only when asked: a
 * plain text file is normalised straight from the decoder's chars, and under the resident app's C1-only
 * JIT building a String of 100K chars and reading it back char by char cost more than the decoding.
 */
public final class Segment {
    private final char[] chars;
    private String text;
    private final SegmentKind kind;
    private final String where;

    public Segment(String text, SegmentKind kind, String where) {
        this(null, Objects.requireNonNull(text, "text"), kind, where);
    }

    private Segment(char[] chars, String text, SegmentKind kind, String where) {
        this.chars = chars;
        this.text = text;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.where = where == null ? "" : where;
    }

    public static Segment body(String text) {
        return new Segment(text, SegmentKind.BODY, "body");
    }

    /** A segment that takes over {@code chars}: the caller must not change them afterwards. */
    public static Segment ofChars(char[] chars, SegmentKind kind, String where) {
        return new Segment(Objects.requireNonNull(chars, "chars"), null, kind, where);
    }

    public String text() {
        String s = text;
        if (s == null) {
            s = new String(chars);
            text = s; // racy but benign: every thread makes an equal String
        }
        return s;
    }

    public SegmentKind kind() {
        return kind;
    }

    public String where() {
        return where;
    }

    public int length() {
        return chars != null ? chars.length : text.length();
    }

    public char charAt(int index) {
        return chars != null ? chars[index] : text.charAt(index);
    }

    /** The normalised form, made from the chars when the segment has them (no String on the way). */
    public NormalizedText normalize() {
        return chars != null ? TextNormalizer.normalize(chars) : TextNormalizer.normalize(text);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Segment other) || kind != other.kind || !where.equals(other.where)
                || length() != other.length()) {
            return false;
        }
        return chars != null && other.chars != null ? Arrays.equals(chars, other.chars)
                : text().equals(other.text());
    }

    @Override
    public int hashCode() {
        return Objects.hash(text(), kind, where);
    }

    /** Kind, place and length only: the text may be what was caught, and must not reach a log. */
    @Override
    public String toString() {
        return "Segment[" + kind + ", " + where + ", " + length() + " chars]";
    }
}
