package org.secrecyguard.ocr;

/** OCR cannot run here; the message says why in words a user can act on. */
final class OcrUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    OcrUnavailableException(String message) {
        super(message);
    }
}
