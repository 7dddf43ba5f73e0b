package org.secrecyguard.channel;

import java.time.ZonedDateTime;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.policy.Action;

/** Maps a verdict, the transfer it is about and the time to one action: the one policy shape of every channel. */
@FunctionalInterface
public interface TransferPolicy {
    Action decide(Verdict verdict, Transfer transfer, ZonedDateTime time);
}
