package org.secrecyguard.extract;

import org.secrecyguard.engine.SegmentKind;

/** A segment found by a parser callback, held until the parser is done so the body can go first. */
record Piece(String text, SegmentKind kind, String where) {
    void addTo(DocumentCollector out) {
        out.add(text, kind, where);
    }
}
