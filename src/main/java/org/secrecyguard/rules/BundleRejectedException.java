package org.secrecyguard.rules;

/** A bundle failed verification; {@link #reason()} says in which way. */
public class BundleRejectedException extends RulesException {
    private static final long serialVersionUID = 1L;
    private final RejectReason reason;

    public BundleRejectedException(RejectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public BundleRejectedException(RejectReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
