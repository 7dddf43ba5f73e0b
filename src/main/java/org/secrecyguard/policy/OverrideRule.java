package org.secrecyguard.policy;

import java.util.Objects;

/**
 * When a user may go on after a block: only {@link Action#BLOCK_OVERRIDABLE}, and only with a written
 * reason of at least {@link #MIN_REASON_CHARS} characters (the UI collects it; the event log keeps it).
 * An overridden transfer continues and is audited, never silently allowed.
 */
public final class OverrideRule {
    /** Short enough to type quickly, long enough that "ok" or "1" is not a reason. */
    public static final int MIN_REASON_CHARS = 10;

    private OverrideRule() {
    }

    public static boolean canOverride(Action decided) {
        return decided == Action.BLOCK_OVERRIDABLE;
    }

    /** True when the text is acceptable as a reason (blank characters do not count). */
    public static boolean isAcceptableReason(String reason) {
        return reasonLength(reason) >= MIN_REASON_CHARS;
    }

    /** Characters of the stripped reason as a reader counts them (a Chinese character is one, 𠀀 too). */
    public static int reasonLength(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        return stripped.codePointCount(0, stripped.length());
    }

    /**
     * The action after the user gave a reason: {@link Action#AUDIT} (continue, logged with the reason).
     *
     * @throws IllegalArgumentException when the action cannot be overridden or the reason is too short
     */
    public static Action afterOverride(Action decided, String reason) {
        Objects.requireNonNull(decided, "decided");
        if (!canOverride(decided)) {
            throw new IllegalArgumentException("action " + decided + " cannot be overridden");
        }
        if (!isAcceptableReason(reason)) {
            throw new IllegalArgumentException("a reason of at least " + MIN_REASON_CHARS + " characters is required");
        }
        return Action.AUDIT;
    }
}
