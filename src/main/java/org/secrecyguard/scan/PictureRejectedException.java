package org.secrecyguard.scan;

/** A picture that was refused (decompression bomb, damaged, unknown format); the message is user-facing. */
public final class PictureRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public PictureRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
