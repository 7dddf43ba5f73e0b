package org.secrecyguard.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.secrecyguard.engine.Level;
import org.secrecyguard.events.EventFilter;
import org.secrecyguard.events.EventKind;
import picocli.CommandLine.Option;

/** Options shared by {@code events list} and {@code events export}: which log and which events. */
final class EventQueryOptions {
    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The event log (events.db).")
    Path db;

    @Option(names = "--since", paramLabel = "TIME", converter = TimeArgument.class,
            description = "Events at or after TIME: 2026-10-01, 2026-10-01T08:30, an ISO time with offset, or 7d/12h/30m ago.")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = TimeArgument.class,
            description = "Events before TIME (same forms as --since).")
    Instant until;

    @Option(names = "--level", paramLabel = "LEVEL",
            description = "Events at LEVEL or a more sensitive one: TOP_SECRET, SECRET, CONFIDENTIAL, WORK_SECRET, INTERNAL (or 绝密, 机密, 秘密, 工作秘密, 内部).")
    String level;

    @Option(names = "--channel", paramLabel = "ID",
            description = "Events of one channel: clipboard, screenshot, removable_drive, upload_dialog, chat_file_store, manual_scan, rules, system.")
    String channel;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Events of one kind: DETECTION, OVERRIDE, RULES_UPDATED, RULES_REJECTED, CHANNEL_DOWN, CHANNEL_UP, LOG_CAP_WARNING, AGENT_STARTED, AGENT_STOPPED, SELF_CHECK.")
    String kind;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table, csv or ndjson.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of the terminal.")
    Path out;

    EventFilter filter(int limit, boolean newestFirst) {
        EventKind k = null;
        if (kind != null) {
            try {
                k = EventKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown kind: " + kind + " (see --help)");
            }
        }
        return new EventFilter(since, until, level == null ? null : Level.parse(level),
                channel == null ? null : channel.trim().toLowerCase(Locale.ROOT), k, limit, newestFirst);
    }

    EventFormat format(EventFormat fallback) {
        return format == null ? fallback : EventFormat.parse(format);
    }
}
