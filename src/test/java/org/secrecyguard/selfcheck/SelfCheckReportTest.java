package org.secrecyguard.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.cli.SecrecyGuardCommand;
import org.secrecyguard.engine.Level;
import org.secrecyguard.events.Event;
import org.secrecyguard.events.EventFilter;
import org.secrecyguard.events.EventKind;
import org.secrecyguard.events.EventLog;

class SelfCheckReportTest {
    private static final String TERM = "青龙工程";
    private static final String BODY = "正文第一段写明了具体部署";

    @TempDir
    Path tmp;

    private CheckSummary checkWithKeyword(Path root) throws Exception {
        CheckTree.write(root.resolve("通知/实施方案.txt"), CheckTree.MARKED);
        CheckTree.write(root.resolve("plan.txt"), "本周讨论" + TERM + "的进度安排，" + BODY + "。\n");
        CheckTree.write(root.resolve("clean.txt"), CheckTree.CLEAN);
        Path db = tmp.resolve("rules.db");
        CheckTree.cli("rules", "init", "--db", db.toString());
        CheckTree.cli("rules", "keyword", "--db", db.toString(), "--level", "CONFIDENTIAL", TERM);
        try (CheckIndex index = CheckIndex.open(tmp.resolve("index.db"))) {
            return CheckTree.checkWith(CheckTree.snapshot(db), index, List.of(root));
        }
    }

    @Test
    void csvAndHtmlListEveryFlaggedFileWithMaskedEvidenceAndNoSecretText() throws Exception {
        CheckSummary s = checkWithKeyword(tmp.resolve("home"));
        assertEquals(2, s.flaggedCount());
        Path csv = tmp.resolve("report.csv");
        Path html = tmp.resolve("report.html");
        CsvReport.write(s.flagged(), csv, ZoneId.of("Asia/Shanghai"));
        HtmlReport.write(s, "PC-17", "zhang", Instant.parse("2026-12-07T02:00:00Z"), ZoneId.of("Asia/Shanghai"), html);

        String c = Files.readString(csv, StandardCharsets.UTF_8);
        List<String> lines = c.lines().toList();
        assertEquals('\uFEFF' + CsvReport.HEADER, lines.get(0));
        assertEquals(3, lines.size(), "header and one line per flagged file");
        String marked = lines.stream().filter(l -> l.contains("实施方案.txt")).findFirst().orElseThrow();
        assertTrue(marked.startsWith("SECRET,机密,block,"), marked);
        assertTrue(marked.contains("marking.header") && marked.contains("机密★1年"), "a marking is shown as found");
        String keyword = lines.stream().filter(l -> l.contains("plan.txt")).findFirst().orElseThrow();
        assertTrue(keyword.startsWith("CONFIDENTIAL,秘密,"), keyword);
        assertTrue(keyword.contains("kw:1") && keyword.contains("*"), "the keyword's rule and masked evidence");

        String h = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(h.contains("保密自查报告") && h.contains("PC-17") && h.contains("2026-12-07 10:00"));
        assertTrue(h.contains("实施方案.txt") && h.contains("plan.txt") && h.contains("机密★1年") && h.contains("kw:1"));
        assertFalse(h.contains("clean.txt"), "clean files are not listed");

        for (String text : List.of(c, h, new String(Files.readAllBytes(tmp.resolve("index.db")), StandardCharsets.UTF_8))) {
            assertFalse(text.contains(TERM), "the caught keyword is never written");
            assertFalse(text.contains(BODY), "no body text is written");
            assertFalse(text.contains("关于某重大专项"), "the marked document's title is not written");
        }
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertEquals("\"a,b\"", CsvReport.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvReport.cell("say \"hi\""));
        assertEquals("'=cmd()", CsvReport.cell("=cmd()"));
        assertEquals("&lt;b&gt;&amp;", HtmlReport.esc("<b>&"));
    }

    @Test
    void theCheckCommandRecordsASelfCheckEventAndWritesTheReports() throws Exception {
        Path root = tmp.resolve("home");
        CheckTree.write(root.resolve("a/实施方案.txt"), CheckTree.MARKED);
        CheckTree.write(root.resolve("a/clean.txt"), CheckTree.CLEAN);
        Path events = tmp.resolve("events.db");
        Path csv = tmp.resolve("r.csv");
        Path html = tmp.resolve("r.html");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = {"check", "--no-ocr", "--busy-seconds", "0", "--index", tmp.resolve("idx.db").toString(),
                "--events", events.toString(), "--csv", csv.toString(), "--html", html.toString(), root.toString()};
        int exit = SecrecyGuardCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        assertEquals(1, exit, "flagged: exit 1\n" + err);
        assertTrue(out.toString().contains("实施方案.txt"), out.toString());
        assertTrue(err.toString().contains("check done: 2 files"), err.toString());
        assertTrue(Files.readString(csv).contains("实施方案.txt"));
        assertTrue(Files.readString(html).contains("实施方案.txt"));

        int again = SecrecyGuardCommand.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute(args);
        assertEquals(1, again);
        assertTrue(err.toString().contains("read 0 (0.0 MB), unchanged 2"), err.toString());

        try (EventLog log = EventLog.open(events)) {
            List<Event> checks = log.query(EventFilter.ALL.kind(EventKind.SELF_CHECK));
            assertEquals(2, checks.size());
            Event last = checks.stream().max(java.util.Comparator.comparingLong(Event::epochMillis)).orElseThrow();
            assertEquals("self-check", last.channel());
            assertEquals("COMPLETED", last.action());
            assertEquals(Level.SECRET, last.level());
            assertTrue(last.detail().contains("files=2") && last.detail().contains("flagged=1(SECRET:1)"), last.detail());
            assertTrue(last.detail().contains("errors=0") && last.detail().contains("duration_ms="), last.detail());
            List<Event> files = log.query(EventFilter.ALL.kind(EventKind.DETECTION));
            assertEquals(1, files.size(), "the flagged file is reported once, when it was read");
            assertEquals("实施方案.txt", files.get(0).file().name());
            assertEquals(64, files.get(0).file().sha256().length());
            assertFalse(files.get(0).toString().contains("关于某重大专项"));
        }
    }
}
