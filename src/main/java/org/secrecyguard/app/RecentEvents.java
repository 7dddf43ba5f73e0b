package org.secrecyguard.app;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.secrecyguard.channel.EventSink;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.ui.EventRow;
import org.secrecyguard.ui.HistorySource;

/**
 * Keeps the newest events in memory for the history window and logs each decision (never content).
 * Used only when the SQLite event log cannot be opened (the tray then says "event log unavailable"),
 * so that protection and the popups keep working.
 */
final class RecentEvents implements EventSink, HistorySource {
    private static final Logger LOG = Logger.getLogger(RecentEvents.class.getName());
    private final int capacity;
    private final Deque<GuardEvent> events = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    RecentEvents(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public void record(GuardEvent e) {
        synchronized (events) {
            events.addFirst(e);
            while (events.size() > capacity) {
                events.removeLast();
            }
        }
        LOG.info(() -> "event " + e.channel().id() + " " + e.outcome() + " " + e.verdict().highest().orElse(null)
                + " rules " + e.verdict().findings().stream().map(f -> f.rule()).distinct().toList()
                + (e.destinationApp().isEmpty() ? "" : " app " + e.destinationApp())
                + (e.overrideReason().isEmpty() ? "" : " (override with reason)"));
        listeners.forEach(Runnable::run);
    }

    @Override
    public List<EventRow> recent(int limit) {
        List<EventRow> rows = new ArrayList<>();
        synchronized (events) {
            for (GuardEvent e : events) {
                if (rows.size() >= limit) {
                    break;
                }
                rows.add(row(e));
            }
        }
        return rows;
    }

    @Override
    public void subscribe(Runnable changed) {
        listeners.add(changed);
    }

    static EventRow row(GuardEvent e) {
        return new EventRow(e.time(), e.channel(), e.verdict().highest().orElse(null), e.outcome().name(),
                e.contentKind().id(), e.destinationApp(),
                e.verdict().findings().stream().map(f -> f.rule()).distinct().toList(),
                e.verdict().findings().stream().map(f -> f.evidence()).distinct().toList(), e.overrideReason(),
                e.note());
    }
}
