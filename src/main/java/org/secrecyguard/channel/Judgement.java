package org.secrecyguard.channel;

import org.secrecyguard.engine.Verdict;
import org.secrecyguard.policy.Action;

/**
 * One piece of content judged by a channel, after the action was carried out (or deferred).
 *
 * @param transfer what was moving
 * @param verdict  what was found (clean when nothing)
 * @param complete false when part of it could not be checked
 * @param action   what was done: ALLOW for clean content; null while the action waits for something
 *                 (the clipboard holds flagged work secrets until an external application comes to
 *                 the front), in which case a second judgement follows when it is carried out
 */
public record Judgement(Transfer transfer, Verdict verdict, boolean complete, Action action) {
    public boolean waiting() {
        return action == null;
    }
}
