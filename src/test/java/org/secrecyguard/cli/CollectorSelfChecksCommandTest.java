package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Level;
import org.secrecyguard.events.Event;
import org.secrecyguard.events.EventKind;
import org.secrecyguard.events.EventLog;
import org.secrecyguard.events.Uploader;
import org.secrecyguard.events.UploaderConfig;
import org.secrecyguard.events.collect.AgentTokens;
import org.secrecyguard.events.collect.EventCollector;
import org.secrecyguard.events.collect.JdbcCollectorStore;
import org.secrecyguard.selfcheck.CheckSummary;
import org.secrecyguard.selfcheck.ErrorKind;
import org.secrecyguard.selfcheck.FlaggedFile;
import org.secrecyguard.selfcheck.SelfCheckEvents;
import org.secrecyguard.testing.Await;

/**
 * Three PCs upload their event logs to a real collector on 127.0.0.1 (SQLite, agent token); IT asks which
 * have not completed a self-check lately.
 */
class CollectorSelfChecksCommandTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SecrecyGuardCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A self-check summary event as the tray writes it ({@link SelfCheckEvents#summary}). */
    private static Event selfCheck(boolean completed, Map<Level, Integer> flagged, Map<ErrorKind, Integer> errors) {
        List<FlaggedFile> files = new ArrayList<>();
        flagged.forEach((level, n) -> {
            for (int i = 0; i < n; i++) {
                files.add(new FlaggedFile("/home/li/f" + level + i + ".docx", 100, 0, level, "block", List.of(), "ab", ""));
            }
        });
        CheckSummary s = new CheckSummary(7, List.of("/home/li"), completed, false, 1200, 1L << 30, 300, 1L << 28, 900,
                0, flagged, errors, 61_000, files, List.of());
        return SelfCheckEvents.summary(s, "rules-12");
    }

    /** The event as PC {@code host} logged it {@code ago} before now (one JVM stands for several PCs). */
    private static Event on(String host, Duration ago, Event e) {
        return new Event(e.id(), Instant.now().minus(ago).toEpochMilli(), e.zone(), e.kind(), "li", host, e.channel(),
                e.action(), e.level(), e.ruleIds(), e.detector(), e.evidence(), e.file(), e.destination(), e.device(),
                e.overrideReason(), e.rulesVersion(), e.detail(), null);
    }

    private static Event started() {
        return Event.system(EventKind.AGENT_STARTED, null).build();
    }

    @Test
    void listsPcsThatNeverRanOneOrWhoseLastCompletedRunIsTooOld() throws Exception {
        Path collected = dir.resolve("collected.db");
        Path tokens = Files.writeString(dir.resolve("tokens.txt"), "县委办 " + TOKEN + "\n");
        Map<String, List<Event>> pcs = new HashMap<>();
        pcs.put("PC-RECENT", List.of(on("PC-RECENT", Duration.ofDays(30), started()),
                on("PC-RECENT", Duration.ofDays(9), selfCheck(true, Map.of(), Map.of())),
                on("PC-RECENT", Duration.ofDays(2), selfCheck(true, Map.of(Level.SECRET, 1, Level.INTERNAL, 2),
                        Map.of(ErrorKind.ENCRYPTED, 3)))));
        pcs.put("PC-OLD", List.of(on("PC-OLD", Duration.ofDays(20), selfCheck(true, Map.of(Level.WORK_SECRET, 4), Map.of())),
                // stopped half-way yesterday: it does not count as a check
                on("PC-OLD", Duration.ofDays(1), selfCheck(false, Map.of(), Map.of())),
                on("PC-OLD", Duration.ofHours(3), started())));
        pcs.put("PC-NEVER", List.of(on("PC-NEVER", Duration.ofDays(5), started()),
                on("PC-NEVER", Duration.ofHours(1), started())));

        try (JdbcCollectorStore store = JdbcCollectorStore.open(collected.toString());
             EventCollector collector = EventCollector.start(new InetSocketAddress("127.0.0.1", 0), store, null,
                     EventCollector.Limits.defaults(), AgentTokens.read(tokens))) {
            for (Map.Entry<String, List<Event>> pc : pcs.entrySet()) {
                try (EventLog log = EventLog.open(dir.resolve(pc.getKey() + "-events.db"))) {
                    log.appendAll(pc.getValue());
                    try (Uploader uploader = new Uploader(log, UploaderConfig.defaults(collector.eventsUri())
                            .withAgentToken(TOKEN).withInterval(Duration.ofMillis(50)))) {
                        uploader.start();
                        Await.until(Duration.ofSeconds(30), () -> log.pendingCount() == 0, pc.getKey() + " uploaded");
                    }
                }
            }
            assertEquals(8, store.count());
        }

        Run r = run("collector", "self-checks", "--db", collected.toString(), "--overdue-days", "8");
        assertEquals(1, r.exit(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("PC") && lines.get(0).contains("last self-check"), r.out());
        assertEquals(4, lines.size(), r.out());
        String never = lines.stream().filter(l -> l.startsWith("PC-NEVER")).findFirst().orElseThrow();
        assertTrue(never.contains(" never "), never);
        String old = lines.stream().filter(l -> l.startsWith("PC-OLD")).findFirst().orElseThrow();
        assertTrue(old.contains("4 (WORK_SECRET:4)") && old.contains("1200"), old);
        assertFalse(r.out().contains("PC-RECENT"), r.out());
        assertEquals("2 of 3 PCs without a completed self-check in the last 8 days", lines.get(3));

        Run json = run("collector", "self-checks", "--db", collected.toString(), "--all", "--json");
        Map<String, JsonNode> rows = new HashMap<>();
        for (String line : json.out().lines().toList()) {
            JsonNode o = new ObjectMapper().readTree(line);
            rows.put(o.get("host").asText(), o);
        }
        assertEquals(3, rows.size(), json.out());
        JsonNode recent = rows.get("PC-RECENT");
        assertFalse(recent.get("overdue").asBoolean());
        assertEquals(3, recent.get("flagged").asInt());
        assertEquals(1, recent.at("/flaggedByLevel/SECRET").asInt());
        assertEquals(2, recent.at("/flaggedByLevel/INTERNAL").asInt());
        assertEquals(List.of("SECRET", "INTERNAL"), iterate(recent.get("flaggedByLevel").fieldNames()), "most severe first");
        assertEquals(3, recent.get("errors").asInt());
        assertEquals("rules-12", recent.get("rulesVersion").asText());
        assertEquals("li", recent.get("user").asText());
        long age = Duration.between(Instant.parse(recent.get("lastSelfCheck").asText()), Instant.now()).toHours();
        assertTrue(age >= 47 && age <= 49, "the newest completed run, not the one 9 days ago: " + age + " h");
        assertTrue(rows.get("PC-NEVER").get("lastSelfCheck").isNull());
        assertEquals(2, rows.get("PC-NEVER").get("events").asInt());
        assertTrue(rows.get("PC-OLD").get("overdue").asBoolean());

        Run month = run("collector", "self-checks", "--db", collected.toString(), "--overdue-days", "30");
        assertEquals(1, month.exit());
        assertTrue(month.out().contains("PC-NEVER") && !month.out().contains("PC-OLD "), month.out());
    }

    @Test
    void noOverduePcIsExitZeroAndABadDayCountIsAClearError() throws Exception {
        Path collected = dir.resolve("collected.db");
        try (JdbcCollectorStore store = JdbcCollectorStore.open(collected.toString());
             EventCollector collector = EventCollector.start(new InetSocketAddress("127.0.0.1", 0), store, null,
                     EventCollector.Limits.defaults());
             EventLog log = EventLog.open(dir.resolve("events.db"))) {
            log.append(on("PC-1", Duration.ofDays(1), selfCheck(true, Map.of(), Map.of())));
            try (Uploader uploader = new Uploader(log, UploaderConfig.defaults(collector.eventsUri())
                    .withInterval(Duration.ofMillis(50)))) {
                uploader.start();
                Await.until(Duration.ofSeconds(30), () -> log.pendingCount() == 0, "uploaded");
            }
        }
        Run r = run("collector", "self-checks", "--db", collected.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("0 of 1 PCs without a completed self-check in the last 8 days", r.out().strip());
        Run bad = run("collector", "self-checks", "--db", collected.toString(), "--overdue-days", "0");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--overdue-days"), bad.err());
        Run typo = run("collector", "self-checks", "--db", dir.resolve("colected.db").toString());
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("no collector database"), typo.err());
        assertFalse(Files.exists(dir.resolve("colected.db")), "no empty store made");
    }

    private static List<String> iterate(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
