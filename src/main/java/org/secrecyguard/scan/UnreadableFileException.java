package org.secrecyguard.scan;

/** A file whose text cannot be read at all (missing, damaged, encrypted, refused); the message is user-facing. */
public final class UnreadableFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
