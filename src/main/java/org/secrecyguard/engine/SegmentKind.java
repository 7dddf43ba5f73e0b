package org.secrecyguard.engine;

/**
 * Where in a document a piece of text stood. Detectors use it: a marking in a page header or a file
 * name counts as a marking even when it is not on a line of its own in the body.
 */
public enum SegmentKind {
    BODY, HEADER, FOOTER, TABLE_CELL, TEXT_BOX, FOOTNOTE, COMMENT, FILE_NAME, OCR
}
