package org.secrecyguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.cli.SecrecyGuardCommand;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Evidence;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.events.FaultyFront.Mode;
import org.secrecyguard.events.collect.EventCollector;
import org.secrecyguard.events.collect.JdbcCollectorStore;

/**
 * The caught text must not end up anywhere the guard writes: the log database and its WAL, the
 * collector's database, the guard's own log file, the bytes sent over the wire, or exports.
 */
class EventSecrecyTest {
    /** What the engine caught in the document; known only to this test. */
    private static final String CAUGHT = "红星七号工程试验基地选址方案";
    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE, Charset.forName("GB18030"));

    @TempDir
    Path dir;

    @TempDir
    Path controlDir;

    @Test
    void theCaughtTextIsInNoDatabaseLogPayloadOrExport() throws Exception {
        Path logFile = dir.resolve("guard.log");
        Logger root = Logger.getLogger("org.secrecyguard");
        java.util.logging.Level oldLevel = root.getLevel();
        FileHandler handler = new FileHandler(logFile.toString());
        handler.setLevel(java.util.logging.Level.ALL);
        handler.setFormatter(new SimpleFormatter());
        handler.setEncoding("UTF-8");
        root.addHandler(handler);
        root.setLevel(java.util.logging.Level.ALL);
        try {
            runTheGuardsWritePaths();
        } finally {
            root.removeHandler(handler);
            root.setLevel(oldLevel);
            handler.close();
        }
        assertTrue(Files.size(logFile) > 0, "the run logged something (the 500 and the retry)");
        assertEquals(List.of(), filesContainingCaughtText(dir), "after closing");
    }

    private void runTheGuardsWritePaths() throws Exception {
        EventLog log = EventLog.open(dir.resolve("agent/events.db"));
        JdbcCollectorStore store = JdbcCollectorStore.open(dir.resolve("server/collected.db").toString());
        EventCollector collector = EventCollector.start(new InetSocketAddress("127.0.0.1", 0), store, null,
                EventCollector.Limits.defaults());
        FaultyFront front = new FaultyFront(0, collector.eventsUri(),
                List.of(Mode.HTTP_500, Mode.STORE_THEN_DROP, Mode.PASS));
        Uploader uploader = new Uploader(log, UploaderConfig.defaults(front.uri()).withBatchSize(2)
                .withInterval(Duration.ofMillis(50)).withBackoff(Duration.ofMillis(20), Duration.ofMillis(100)));
        try {
            List<Event> events = detectionsOfTheCaughtText();
            log.append(events.get(0));
            log.appendAll(events.subList(1, 3));
            for (Event e : events.subList(3, events.size())) {
                log.appendAsync(e).join();
            }
            uploader.start();
            UploaderTest.await(() -> log.pendingCount() == 0, "all uploaded");
            assertEquals(events.size(), store.count());

            Files.writeString(dir.resolve("payloads.ndjson"), String.join("", front.receivedBodies));
            for (String format : List.of("csv", "ndjson", "table")) {
                int status = SecrecyGuardCommand.newCommandLine(new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter())).execute("events", "export", "--db",
                        log.file().toString(), "--format", format, "--out", dir.resolve("export." + format).toString());
                assertEquals(0, status);
            }
            assertTrue(Files.size(dir.resolve("payloads.ndjson")) > 0);
            assertTrue(Files.exists(dir.resolve("agent/events.db-wal")), "the WAL is searched while it is live");
            assertEquals(List.of(), filesContainingCaughtText(dir), "while the log is open");
        } finally {
            uploader.stop();
            front.close();
            collector.close();
            store.close();
            log.close();
        }
    }

    /** Detections built the way the app builds them: from the engine's findings. */
    private static List<Event> detectionsOfTheCaughtText() {
        Instant now = Instant.now();
        Verdict keyword = new Verdict(List.of(
                new Finding(DetectorType.KEYWORD, "kw:17", Level.SECRET, Evidence.mask(CAUGHT, 1), "paragraph 3"),
                new Finding(DetectorType.MARKING, "marking.header", Level.SECRET, "机密★1年", "line 2")));
        Verdict inFileName = new Verdict(List.of(
                new Finding(DetectorType.KEYWORD, "kw:17", Level.SECRET, Evidence.mask(CAUGHT, 2), "file name")));
        Verdict quote = new Verdict(List.of(
                new Finding(DetectorType.FINGERPRINT, "fp:42", Level.TOP_SECRET, Evidence.mask(CAUGHT, 1), "page 2")));
        // An engine bug: fingerprint evidence that was not masked. The event must mask it anyway.
        Verdict buggy = new Verdict(List.of(
                new Finding(DetectorType.FINGERPRINT, "fp:43", Level.SECRET, CAUGHT, "image 1 (OCR)")));
        List<Event> out = new ArrayList<>();
        out.add(Event.detection("clipboard", "BLOCK", keyword).time(now).destination("WeChat.exe", "文件传输助手")
                .rulesVersion("12").build());
        out.add(Event.detection("removable_drive", "BLOCK", inFileName).time(now.plusMillis(1))
                .file(CAUGHT + ".docx", 20_480, "c".repeat(64)).device("Kingston", "DT 3.0", "60A44C413A8BF1B0")
                .build());
        out.add(Event.detection("upload_dialog", "BLOCK_OVERRIDABLE", quote).time(now.plusMillis(2))
                .file("发言稿.docx", 9_001, null).destination("chrome.exe", "在线OCR识别").build());
        out.add(Event.override("upload_dialog", quote, "经领导批准").time(now.plusMillis(3)).build());
        out.add(Event.detection("screenshot", "BLOCK", buggy).time(now.plusMillis(4)).build());
        out.add(Event.detection("chat_file_store", "AUDIT", keyword).time(now.plusMillis(5)).build());
        return out;
    }

    private List<Path> filesContainingCaughtText(Path root) throws IOException {
        // The search must be able to find what it looks for: a control file in each encoding.
        for (Charset cs : ENCODINGS) {
            Path control = controlDir.resolve("control-" + cs.name());
            Files.write(control, ("前文" + CAUGHT + "后文").getBytes(cs));
            assertTrue(contains(Files.readAllBytes(control)), "search finds the text in " + cs);
        }
        List<Path> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (contains(Files.readAllBytes(p))) {
                    hits.add(p);
                }
            }
        }
        return hits;
    }

    /** The caught text, or the part the mask hides, in any of the encodings. */
    private static boolean contains(byte[] data) {
        for (String needle : List.of(CAUGHT, CAUGHT.substring(2))) {
            for (Charset cs : ENCODINGS) {
                if (indexOf(data, needle.getBytes(cs)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
