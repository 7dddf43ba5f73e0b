package org.secrecyguard.channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Records the popups a channel asked for ("warn", "block", "override"); an override request is answered
 * with {@link #overrideAnswer}. Stands in for the JavaFX popups in the channels' logic tests.
 */
public final class RecordingNotifier implements UserNotifier {
    public final List<String> shown = Collections.synchronizedList(new ArrayList<>());
    public final List<GuardAlert> alerts = Collections.synchronizedList(new ArrayList<>());
    public volatile CompletableFuture<Optional<String>> overrideAnswer =
            CompletableFuture.completedFuture(Optional.empty());

    @Override
    public void warn(GuardAlert alert) {
        alerts.add(alert);
        shown.add("warn");
    }

    @Override
    public void blocked(GuardAlert alert) {
        alerts.add(alert);
        shown.add("block");
    }

    @Override
    public CompletableFuture<Optional<String>> askOverride(GuardAlert alert) {
        alerts.add(alert);
        shown.add("override");
        return overrideAnswer;
    }
}
