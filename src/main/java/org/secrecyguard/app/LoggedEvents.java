package org.secrecyguard.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.channel.EventSink;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.events.Event;
import org.secrecyguard.events.EventFilter;
import org.secrecyguard.events.EventKind;
import org.secrecyguard.events.EventLog;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.ui.EventRow;
import org.secrecyguard.ui.HistorySource;

/**
 * Channels' decisions into the SQLite event log (written asynchronously: a channel never waits for the
 * disk), and the log back out for the history window. The content kind and the channel's note travel
 * in the event's {@code detail} ("image; OCR unavailable"), which holds no content.
 */
final class LoggedEvents implements EventSink, HistorySource {
    private static final Logger LOG = Logger.getLogger(LoggedEvents.class.getName());
    private static final List<String> KINDS = List.of("text", "image", "files");

    private final EventLog log;
    private final Supplier<String> rulesVersion;
    private final Runnable urgent;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param urgent run after a national-secret event was written (wakes the uploader)
     */
    LoggedEvents(EventLog log, Supplier<String> rulesVersion, Runnable urgent) {
        this.log = log;
        this.rulesVersion = rulesVersion;
        this.urgent = urgent;
        log.addListener(events -> listeners.forEach(Runnable::run));
    }

    @Override
    public void record(GuardEvent e) {
        Event.Builder b = e.outcome() == GuardEvent.Outcome.OVERRIDDEN
                ? Event.override(e.channel().id(), e.verdict(), e.overrideReason())
                : Event.detection(e.channel().id(), e.action().name(), e.verdict());
        if (!e.destinationApp().isEmpty()) {
            b.destination(e.destinationApp(), null);
        }
        if (e.file() != null) {
            b.file(e.file().name(), e.file().size(), e.file().sha256());
        }
        if (e.device() != null) {
            b.device(e.device().vendorId(), e.device().productId(), e.device().serial());
        }
        Event event = b.time(e.time()).rulesVersion(rulesVersion.get())
                .detail(e.contentKind().id() + (e.note().isEmpty() ? "" : "; " + e.note())).build();
        log.appendAsync(event).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.log(Level.SEVERE, "event not written: " + event.id(), error);
            } else if (event.isNationalSecret()) {
                urgent.run();
            }
        });
    }

    /** A system event (agent started/stopped, channel down/up). */
    void system(EventKind kind, String detail) {
        log.appendAsync(Event.system(kind, detail).rulesVersion(rulesVersion.get()).build());
    }

    /** A system event about another user than the one this process runs as (the service's tray watch). */
    void system(EventKind kind, String user, String detail) {
        log.appendAsync(Event.system(kind, detail).user(user).rulesVersion(rulesVersion.get()).build());
    }

    @Override
    public List<EventRow> recent(int limit) {
        List<EventRow> rows = new ArrayList<>();
        for (EventKind kind : List.of(EventKind.DETECTION, EventKind.OVERRIDE)) {
            for (Event e : log.query(EventFilter.ALL.kind(kind).newestFirst(true).limit(limit))) {
                row(e).ifPresent(rows::add);
            }
        }
        rows.sort((a, b) -> b.time().compareTo(a.time()));
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }

    @Override
    public void subscribe(Runnable changed) {
        listeners.add(changed);
    }

    static Optional<EventRow> row(Event e) {
        Channel channel = null;
        for (Channel c : Channel.values()) {
            if (c.id().equals(e.channel())) {
                channel = c;
            }
        }
        if (channel == null) {
            return Optional.empty();
        }
        String detail = e.detail() == null ? "" : e.detail();
        String head = detail.split(";", 2)[0].trim();
        String kind = KINDS.contains(head) ? head : "";
        String note = kind.isEmpty() ? detail : detail.contains(";") ? detail.split(";", 2)[1].trim() : "";
        String outcome = e.kind() == EventKind.OVERRIDE ? "OVERRIDDEN" : switch (e.action().toUpperCase(Locale.ROOT)) {
            case "BLOCK", "BLOCK_OVERRIDABLE" -> "BLOCKED";
            case "WARN" -> "WARNED";
            default -> "AUDITED";
        };
        return Optional.of(new EventRow(e.time(), channel, e.level(), outcome, kind,
                e.destination() == null ? "" : e.destination().application(), e.ruleIds(), e.evidence(),
                e.overrideReason(), note));
    }
}
