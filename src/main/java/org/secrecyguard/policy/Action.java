package org.secrecyguard.policy;

/** What the guard does about one transfer, mildest first. */
public enum Action {
    /** Let it through, record nothing. */
    ALLOW,
    /** Let it through, log an event silently. */
    AUDIT,
    /** Let it through, show a popup that disappears, log an event. */
    WARN,
    /** Stop it; the user may continue after typing a reason, which is logged. */
    BLOCK_OVERRIDABLE,
    /** Stop it. */
    BLOCK;

    public boolean stops() {
        return this == BLOCK || this == BLOCK_OVERRIDABLE;
    }

    public static Action max(Action a, Action b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
