package org.secrecyguard.events;

import java.time.Instant;
import org.secrecyguard.engine.Level;

/**
 * Which events a query returns. Null fields do not filter.
 *
 * @param since       events at or after this instant
 * @param until       events before this instant
 * @param minLevel    events at this level or a more sensitive one
 * @param channel     events of this channel id ("clipboard", "system")
 * @param kind        events of this kind
 * @param limit       at most this many rows, 0 for all
 * @param newestFirst order by time descending instead of ascending
 */
public record EventFilter(Instant since, Instant until, Level minLevel, String channel, EventKind kind,
                          int limit, boolean newestFirst) {
    public static final EventFilter ALL = new EventFilter(null, null, null, null, null, 0, false);

    public EventFilter {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0");
        }
    }

    public EventFilter since(Instant t) {
        return new EventFilter(t, until, minLevel, channel, kind, limit, newestFirst);
    }

    public EventFilter until(Instant t) {
        return new EventFilter(since, t, minLevel, channel, kind, limit, newestFirst);
    }

    public EventFilter minLevel(Level l) {
        return new EventFilter(since, until, l, channel, kind, limit, newestFirst);
    }

    public EventFilter channel(String c) {
        return new EventFilter(since, until, minLevel, c, kind, limit, newestFirst);
    }

    public EventFilter kind(EventKind k) {
        return new EventFilter(since, until, minLevel, channel, k, limit, newestFirst);
    }

    public EventFilter limit(int n) {
        return new EventFilter(since, until, minLevel, channel, kind, n, newestFirst);
    }

    public EventFilter newestFirst(boolean b) {
        return new EventFilter(since, until, minLevel, channel, kind, limit, b);
    }
}
