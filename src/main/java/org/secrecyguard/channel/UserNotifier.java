package org.secrecyguard.channel;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Shows the user what a channel did. Every method returns at once (callers are watcher threads);
 * the popups themselves run on the UI thread.
 */
public interface UserNotifier {
    /** A warning that goes away by itself; the transfer continues. */
    void warn(GuardAlert alert);

    /** A block that stays until the user acknowledges it. */
    void blocked(GuardAlert alert);

    /**
     * A block the user may override with a written reason: completes with the reason (checked
     * against {@link org.secrecyguard.policy.OverrideRule}) when the user chose to continue, or empty when they accepted the block.
     */
    CompletableFuture<Optional<String>> askOverride(GuardAlert alert);
}
