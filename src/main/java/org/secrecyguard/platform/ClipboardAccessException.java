package org.secrecyguard.platform;

/** The clipboard could not be read or written, e.g. another process kept it open through all retries. */
public class ClipboardAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClipboardAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
