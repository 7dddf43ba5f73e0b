package org.secrecyguard.policy;

import java.util.Optional;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;

/**
 * The built-in policy used until IT pushes a policy matrix: national-secret levels and work secrets
 * are blocked on every outbound channel, internal material gets a warning.
 */
public final class DefaultPolicy {
    private DefaultPolicy() {
    }

    /** The default action for a verdict on an outbound channel. */
    public static Action outbound(Verdict verdict) {
        Optional<Level> level = verdict.highest();
        if (level.isEmpty()) {
            return Action.ALLOW;
        }
        return level.get() == Level.INTERNAL ? Action.WARN : Action.BLOCK;
    }
}
