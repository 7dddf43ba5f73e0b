package org.secrecyguard.channel;

import org.secrecyguard.platform.WindowInfo;

/**
 * Which applications send content off the PC (chat, browsers, mail, cloud drives). A channel arms
 * itself when it holds flagged content and acts when one of these comes to the foreground.
 */
@FunctionalInterface
public interface ExternalWindowCheck {
    boolean isExternal(WindowInfo window);
}
