package org.secrecyguard.events;

/** The event log could not be opened, read or written; the message says which file and why. */
public final class EventLogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EventLogException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventLogException(String message) {
        super(message);
    }
}
