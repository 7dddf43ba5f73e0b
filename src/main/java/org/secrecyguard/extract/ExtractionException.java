package org.secrecyguard.extract;

/**
 * A file that cannot be checked, with a reason the user can act on. The message never contains
 * document text.
 */
public final class ExtractionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a file could not be checked. */
    public enum Reason { ENCRYPTED, CORRUPT, TOO_LARGE, TIMEOUT, BOMB, UNSUPPORTED, IO }

    private final Reason reason;

    public ExtractionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ExtractionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
