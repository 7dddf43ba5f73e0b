package org.secrecyguard.channel;

import java.time.Instant;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;

/**
 * What a channel tells the user about: the action taken, on what, through which path and towards
 * which application. The app turns it into a popup with texts from the rules.
 *
 * @param destinationApp the application in front when the guard acted, or ""
 */
public record GuardAlert(Action action, Channel channel, ContentKind contentKind, Verdict verdict,
                         String destinationApp, Instant time) {
    public GuardAlert {
        destinationApp = destinationApp == null ? "" : destinationApp;
    }
}
