package org.secrecyguard.events.collect;

import java.util.UUID;

/**
 * One event as the collector keeps it: the indexed fields it needs to de-duplicate and search, and the
 * event's JSON as received (re-serialised compactly), so fields added by newer agents are kept too.
 */
public record CollectedEvent(UUID id, long epochMillis, String kind, String level, String channel, String host,
                             String user, String json) {
}
