package org.secrecyguard.engine;

import java.util.Objects;

/**
 * A run of text from one place in a document, with line breaks kept where the source had them.
 *
 * @param text  the text as extracted (not normalised)
 * @param kind  what part of the document it came from
 * @param where human-readable location for findings, e.g. "page 3", "sheet 预算!B4", "header"
 */
public record Segment(String text, SegmentKind kind, String where) {
    public Segment {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        where = where == null ? "" : where;
    }

    public static Segment body(String text) {
        return new Segment(text, SegmentKind.BODY, "body");
    }
}
