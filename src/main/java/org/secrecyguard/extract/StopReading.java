package org.secrecyguard.extract;

/** Ends a SAX parse early once the text budget is used up; caught by the extractor that threw it. */
final class StopReading extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopReading() {
        super("text budget used up", null, false, false);
    }
}
