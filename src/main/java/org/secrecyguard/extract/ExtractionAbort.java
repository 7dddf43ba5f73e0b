package org.secrecyguard.extract;

/**
 * Carries an {@link ExtractionException} through parser callbacks (SAX handlers, PDFBox hooks) that may
 * not throw checked exceptions; {@link Failures} unwraps it.
 */
final class ExtractionAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExtractionAbort(ExtractionException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    ExtractionException exception() {
        return (ExtractionException) getCause();
    }
}
