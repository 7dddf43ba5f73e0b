package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.events.Event;
import org.secrecyguard.events.EventJson;
import org.secrecyguard.events.EventKind;
import org.secrecyguard.events.EventLog;

class EventsCommandTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-10-01T13:00:00Z"); // 21:00 in Beijing, national day

    @TempDir
    Path dir;

    private Path db;
    private Event secret;
    private Event internal;
    private Event channelDown;

    @BeforeEach
    void fillLog() {
        db = dir.resolve("events.db");
        secret = Event.detection("clipboard", "BLOCK", new Verdict(List.of(
                        new Finding(DetectorType.MARKING, "marking.header", Level.SECRET, "机密★1年", "line 2"))))
                .time(T0).zone(SHANGHAI).destination("WeChat.exe", "=HYPERLINK(\"http://x\",\"点我\")").build();
        internal = Event.detection("removable_drive", "WARN", new Verdict(List.of(
                        new Finding(DetectorType.MARKING, "marking.internal", Level.INTERNAL, "内部资料", "line 1"))))
                .time(T0.plusSeconds(3600)).zone(SHANGHAI).file("周报, 第3期.docx", 1234, null).build();
        channelDown = Event.system(EventKind.CHANNEL_DOWN, "hotkey watcher: XRecord missing")
                .time(T0.plusSeconds(7200)).zone(SHANGHAI).build();
        try (EventLog log = EventLog.open(db)) {
            log.appendAll(List.of(secret, internal, channelDown));
        }
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SecrecyGuardCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void listShowsTheNewestEventsFirstAsATableInLocalTime() {
        Run r = run("events", "list", "--db", db.toString());
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(4, lines.length, r.out());
        assertTrue(lines[0].startsWith("TIME"), lines[0]);
        assertTrue(lines[1].contains("CHANNEL_DOWN"), lines[1]);
        assertTrue(lines[3].startsWith("2026-10-01 21:00:00"), "Beijing time of the event: " + lines[3]);
        assertTrue(lines[3].contains("机密") && lines[3].contains("BLOCK"), lines[3]);
    }

    @Test
    void listSaysWhichEventsTheCollectorRefused() {
        try (EventLog log = EventLog.open(db)) {
            log.markUploaded(List.of(secret.id()));
            log.markRefused(java.util.Map.of(internal.id(), "line longer than 65536 bytes"));
        }
        Run r = run("events", "list", "--db", db.toString(), "--format", "csv");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\r?\n");
        int col = java.util.Arrays.asList(lines[0].split(",")).indexOf("uploaded");
        assertTrue(col >= 0, lines[0]);
        List<String> states = new java.util.ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            states.add(cells[col]);
        }
        assertEquals(List.of("no", "refused", "yes"), states, r.out());
    }

    @Test
    void listHonoursLimit() {
        Run r = run("events", "list", "--db", db.toString(), "--limit", "1", "--format", "ndjson");
        assertEquals(List.of(channelDown.id()), r.out().lines().map(l -> EventJson.read(l).id()).toList());
    }

    @Test
    void exportFiltersByLevelChannelKindAndTime() {
        assertEquals(List.of(secret, internal), exported("--level", "内部"));
        assertEquals(List.of(secret), exported("--level", "SECRET"));
        assertEquals(List.of(internal), exported("--channel", "removable_drive"));
        assertEquals(List.of(channelDown), exported("--kind", "channel_down"));
        assertEquals(List.of(internal), exported("--since", "2026-10-01T22:00+08:00", "--until", "2026-10-01T14:30:00Z"));
    }

    private List<Event> exported(String... filters) {
        String[] args = new String[4 + filters.length];
        args[0] = "events";
        args[1] = "export";
        args[2] = "--db";
        args[3] = db.toString();
        System.arraycopy(filters, 0, args, 4, filters.length);
        Run r = run(args);
        assertEquals(0, r.status(), r.err());
        return r.out().lines().map(EventJson::read).toList();
    }

    @Test
    void csvExportToAFileIsSpreadsheetReadyAndDefusesFormulas() throws Exception {
        Path csv = dir.resolve("out.csv");
        Run r = run("events", "export", "--db", db.toString(), "--format", "csv", "--out", csv.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("3 events written"), r.err());
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte order mark for spreadsheet programs");
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<String> lines = text.lines().toList();
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("time,zone,kind,level,channel,action"), lines.get(0));
        assertTrue(lines.get(1).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""), lines.get(1));
        assertTrue(lines.get(2).contains("\"周报, 第3期.docx\""), lines.get(2));
    }

    @Test
    void aMissingLogIsAClearErrorNotAnEmptyOne() {
        Run r = run("events", "list", "--db", dir.resolve("nope.db").toString());
        assertEquals(ExitCodes.ERROR, r.status());
        assertTrue(r.err().contains("no event log at"), r.err());
        assertTrue(!Files.exists(dir.resolve("nope.db")), "listing does not create a log");
    }

    @Test
    void unknownKindAndFormatAreClearErrors() {
        Run kind = run("events", "export", "--db", db.toString(), "--kind", "PARTY");
        assertEquals(ExitCodes.ERROR, kind.status());
        assertTrue(kind.err().contains("unknown kind: PARTY"), kind.err());
        Run format = run("events", "export", "--db", db.toString(), "--format", "xml");
        assertTrue(format.err().contains("unknown format: xml"), format.err());
    }

    @Test
    void timesAcceptDatesLocalTimesOffsetsAndSpansBack() {
        Clock clock = Clock.fixed(Instant.parse("2026-10-08T02:00:00Z"), SHANGHAI);
        TimeArgument t = new TimeArgument(clock);
        assertEquals(Instant.parse("2026-09-30T16:00:00Z"), t.convert("2026-10-01"));
        assertEquals(Instant.parse("2026-10-01T00:30:00Z"), t.convert("2026-10-01T08:30"));
        assertEquals(Instant.parse("2026-10-01T00:30:00Z"), t.convert("2026-10-01 08:30:00"));
        assertEquals(Instant.parse("2026-10-01T08:30:00Z"), t.convert("2026-10-01T08:30Z"));
        assertEquals(Instant.parse("2026-10-01T02:00:00Z"), t.convert("7d"));
        assertEquals(Instant.parse("2026-10-07T14:00:00Z"), t.convert("12h"));
        Run bad = run("events", "list", "--db", db.toString(), "--since", "yesterday");
        assertEquals(ExitCodes.ERROR, bad.status());
        assertTrue(bad.err().contains("is not a time"), bad.err());
    }
}
