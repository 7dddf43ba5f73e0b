package org.secrecyguard.channel.drive;

import java.time.ZonedDateTime;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.platform.RemovableVolume;
import org.secrecyguard.policy.Action;

/** What to do with a file written to a removable volume; the app backs it with the rules' policy. */
@FunctionalInterface
public interface DrivePolicy {
    Action decide(Verdict verdict, RemovableVolume volume, ZonedDateTime time);
}
