package org.secrecyguard.selfcheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.secrecyguard.engine.Level;
import org.secrecyguard.events.Event;
import org.secrecyguard.events.EventKind;

/**
 * The events a self-check leaves in the local log for the collector: one {@code SELF_CHECK} summary
 * (files, bytes, flagged by level, errors by kind, duration; no paths, which may name projects) and one
 * detection per flagged file (level, rules, masked evidence, file name, size and hash), capped so that
 * a first check of a full disk cannot flood the log.
 */
public final class SelfCheckEvents {
    /** The channel word in events ({@code "channel":"self-check"}). */
    public static final String CHANNEL = "self-check";
    /** Flagged files sent as their own events per run at most; the report lists all of them. */
    public static final int MAX_FILE_EVENTS = 500;

    private SelfCheckEvents() {
    }

    /** The summary event. */
    public static Event summary(CheckSummary s, String rulesVersion) {
        Level top = null;
        for (Level l : s.flaggedByLevel().keySet()) {
            top = Level.max(top, l);
        }
        return Event.builder(EventKind.SELF_CHECK).channel(CHANNEL).action(s.completed() ? "COMPLETED" : "STOPPED")
                .level(top).rulesVersion(rulesVersion).detail(detail(s)).build();
    }

    /** "files=… bytes=… read=… flagged=SECRET:1,… errors=encrypted:2 duration_ms=… run=…". */
    static String detail(CheckSummary s) {
        return "files=" + s.filesSeen() + " bytes=" + s.bytesSeen() + " read=" + s.filesRead()
                + " read_bytes=" + s.bytesRead() + " unchanged=" + s.filesUnchanged()
                + " flagged=" + s.flaggedCount() + counts(s.flaggedByLevel())
                + " errors=" + s.errorCount() + counts(s.errorsByKind().entrySet().stream().collect(
                Collectors.toMap(e -> e.getKey().id(), Map.Entry::getValue)))
                + " duration_ms=" + s.durationMillis() + " run=" + s.runId() + (s.resumed() ? " resumed" : "");
    }

    private static String counts(Map<?, Integer> m) {
        if (m.isEmpty()) {
            return "";
        }
        return m.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).sorted()
                .collect(Collectors.joining(",", "(", ")"));
    }

    /** One detection per flagged file read in run {@code runId} (files judged before were reported then). */
    public static List<Event> flaggedFiles(List<FlaggedFile> readThisRun, String rulesVersion) {
        List<Event> out = new ArrayList<>();
        for (FlaggedFile f : readThisRun) {
            if (out.size() >= MAX_FILE_EVENTS) {
                break;
            }
            Path name = Path.of(f.path()).getFileName();
            out.add(Event.builder(EventKind.DETECTION).channel(CHANNEL).action("REPORTED").findings(f.findings())
                    .file(name == null ? f.path() : name.toString(), f.size(), f.sha256()).rulesVersion(rulesVersion)
                    .detail(f.message().isEmpty() ? null : f.message()).build());
        }
        return out;
    }
}
