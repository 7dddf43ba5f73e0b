package org.secrecyguard.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.secrecyguard.events.Event;
import org.secrecyguard.events.EventJson;

/**
 * How {@code events list|export} print events: an aligned table for reading on screen, CSV for a
 * spreadsheet, NDJSON (the upload format plus {@code uploadedAt}) for other tools. Rows stream out as
 * they are read, so exporting a large log does not hold it in memory.
 */
enum EventFormat {
    TABLE, CSV, NDJSON;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One column: heading, width on screen (table), and how to get the value. */
    private record Column(String name, int width, Function<Event, String> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("time", 19, e -> e.localTime().format(TIME)),
            new Column("zone", 0, e -> e.zone().getId()),
            new Column("kind", 15, e -> e.kind().name()),
            new Column("level", 8, e -> e.level() == null ? "" : e.level().name()),
            new Column("channel", 15, Event::channel),
            new Column("action", 17, Event::action),
            new Column("rules", 18, e -> String.join(" ", e.ruleIds())),
            new Column("detector", 0, e -> nz(e.detector())),
            new Column("evidence", 22, e -> String.join(" | ", e.evidence())),
            new Column("file", 24, e -> e.file() == null ? "" : nz(e.file().name())),
            new Column("file_size", 0, e -> e.file() == null || e.file().size() < 0 ? "" : Long.toString(e.file().size())),
            new Column("file_sha256", 0, e -> e.file() == null ? "" : nz(e.file().sha256())),
            new Column("application", 14, e -> e.destination() == null ? "" : nz(e.destination().application())),
            new Column("window", 20, e -> e.destination() == null ? "" : nz(e.destination().windowTitle())),
            new Column("device", 0, e -> e.device() == null ? ""
                    : String.join(" ", nz(e.device().vendor()), nz(e.device().product()), nz(e.device().serial())).trim()),
            new Column("user", 0, e -> nz(e.user())),
            new Column("host", 12, e -> nz(e.host())),
            new Column("override_reason", 0, e -> nz(e.overrideReason())),
            new Column("rules_version", 0, e -> nz(e.rulesVersion())),
            new Column("detail", 30, e -> nz(e.detail())),
            new Column("uploaded", 8, e -> e.uploaded() ? "yes" : e.refusedReason() != null ? "refused" : "no"),
            new Column("id", 0, e -> e.id().toString()));

    static EventFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format: " + s + " (use table, csv or ndjson)");
        }
    }

    /** Streams events to {@code out} in this format. */
    interface Sink {
        void write(Event e);
    }

    /** Writes the heading (if any) and returns the row writer. */
    Sink open(PrintWriter out) {
        switch (this) {
            case NDJSON:
                return e -> out.println(EventJson.write(e, true));
            case CSV: {
                List<String> head = new ArrayList<>();
                COLUMNS.forEach(c -> head.add(c.name()));
                out.println(String.join(",", head));
                return e -> {
                    List<String> cells = new ArrayList<>();
                    COLUMNS.forEach(c -> cells.add(csv(c.value().apply(e))));
                    out.println(String.join(",", cells));
                };
            }
            default: {
                StringBuilder head = new StringBuilder();
                for (Column c : COLUMNS) {
                    if (c.width() > 0) {
                        head.append(pad(c.name().toUpperCase(Locale.ROOT), c.width())).append("  ");
                    }
                }
                out.println(head.toString().stripTrailing());
                return e -> {
                    StringBuilder row = new StringBuilder();
                    for (Column c : COLUMNS) {
                        if (c.width() > 0) {
                            String v = c.name().equals("level") && e.level() != null ? e.level().chinese()
                                    : c.value().apply(e);
                            row.append(pad(oneLine(v), c.width())).append("  ");
                        }
                    }
                    out.println(row.toString().stripTrailing());
                };
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ");
    }

    /**
     * RFC 4180 quoting; a cell that a spreadsheet would run as a formula (= + - @) gets a leading
     * apostrophe, since window titles and reasons come from users and other programs.
     */
    static String csv(String v) {
        String s = v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Pads or cuts {@code s} to {@code width} terminal columns (CJK characters take two). */
    static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder();
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int w = wide(cp) ? 2 : 1;
            if (used + w > width) {
                // replace the last visible cell(s) with an ellipsis mark
                while (used > width - 1 && sb.length() > 0) {
                    int last = sb.codePointBefore(sb.length());
                    sb.setLength(sb.length() - Character.charCount(last));
                    used -= wide(last) ? 2 : 1;
                }
                sb.append('~');
                used++;
                break;
            }
            sb.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        while (used < width) {
            sb.append(' ');
            used++;
        }
        return sb.toString();
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
