package org.secrecyguard.ocr;

/**
 * A picture that is refused before or while decoding: too many pixels (a decompression bomb), an
 * unknown or damaged format. The message says why in words a user can act on and never contains
 * picture content.
 */
public final class ImageRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a picture was refused. */
    public enum Reason { TOO_MANY_PIXELS, TOO_LARGE, UNSUPPORTED, CORRUPT }

    private final Reason reason;

    public ImageRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ImageRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
