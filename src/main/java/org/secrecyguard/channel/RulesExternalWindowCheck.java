package org.secrecyguard.channel;

import java.util.Objects;
import java.util.function.Supplier;
import org.secrecyguard.platform.WindowInfo;
import org.secrecyguard.policy.Channel;

/**
 * The policy's list of external applications for one channel (from the rules in force, or the
 * built-in list), applied to the window in front. A window that names no application at all is not
 * treated as a destination: a channel only arms itself against applications it can name.
 */
public final class RulesExternalWindowCheck implements ExternalWindowCheck {
    private final Supplier<org.secrecyguard.policy.ExternalApps> apps;
    private final Channel channel;

    public RulesExternalWindowCheck(Supplier<org.secrecyguard.policy.ExternalApps> apps, Channel channel) {
        this.apps = Objects.requireNonNull(apps);
        this.channel = Objects.requireNonNull(channel);
    }

    /** The built-in list (chat, browsers, cloud drives) for a channel. */
    public static RulesExternalWindowCheck defaults(Channel channel) {
        org.secrecyguard.policy.ExternalApps builtIn = org.secrecyguard.policy.ExternalApps.defaults();
        return new RulesExternalWindowCheck(() -> builtIn, channel);
    }

    @Override
    public boolean isExternal(WindowInfo window) {
        String name = window.processName();
        return !name.isBlank() && apps.get().isExternal(channel, name);
    }
}
