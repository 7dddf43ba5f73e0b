package org.secrecyguard.rules;

/** A rules database or bundle could not be read, written or trusted; the message says why, for people. */
public class RulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RulesException(String message) {
        super(message);
    }

    public RulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
