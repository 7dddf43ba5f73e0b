package org.secrecyguard.channel;

import java.time.ZonedDateTime;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;

/** Maps a verdict, the path it is taking, its destination and the time to one action. */
@FunctionalInterface
public interface PolicyDecider {
    /**
     * @param destinationApp the application the content is heading to: executable path or name, "" when
     *                       unknown (the policy then assumes the worst: external)
     */
    Action decide(Verdict verdict, Channel channel, String destinationApp, ZonedDateTime time);
}
