package org.secrecyguard.channel;

/**
 * Where channels record their decisions (the event log). Implementations are thread-safe, return
 * quickly and never throw: losing the log must not stop protection.
 */
@FunctionalInterface
public interface EventSink {
    void record(GuardEvent event);
}
