package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.extract.ExtractionException.Reason;

/**
 * The self-check reads files and decodes plain text on its own thread ({@link DocumentExtractor#extractOnCaller});
 * what it gets must be what every other channel gets from {@link DocumentExtractor#extract(Path)}, for text in
 * any encoding, for the formats still parsed on a worker, and for every kind of failure.
 */
class ExtractOnCallerTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();

    @Test
    void everyFileReadsAsThroughAWorker(@TempDir Path dir) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("通知.txt", TestTextFiles.text(TestTextFiles.headText(), StandardCharsets.UTF_8, false));
        files.put("bom.txt", TestTextFiles.text(TestTextFiles.headText(), StandardCharsets.UTF_8, true));
        files.put("gbk.txt", TestTextFiles.text(TestTextFiles.headText(), TestTextFiles.GBK, false));
        files.put("utf16.txt", TestTextFiles.text(TestTextFiles.headText(), StandardCharsets.UTF_16LE, true));
        files.put("control.txt", "机密\u0007★1年\r\n正文\u0000".getBytes(StandardCharsets.UTF_8));
        files.put("blank.txt", " \n\t\n".getBytes(StandardCharsets.UTF_8));
        files.put("empty.txt", new byte[0]);
        files.put("page.html", TestTextFiles.htmlGbk());
        files.put("a.rtf", TestTextFiles.rtf());
        files.put("通知.docx", TestDocuments.docx());
        files.put("cut.docx", java.util.Arrays.copyOf(TestDocuments.docx(), 2000));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path file = dir.resolve(f.getKey());
            Files.write(file, f.getValue());
            assertEquals(outcome(() -> EXTRACTOR.extract(file)), outcome(() -> EXTRACTOR.extractOnCaller(file)),
                    f.getKey());
        }
        Path folder = Files.createDirectory(dir.resolve("folder.txt"));
        assertEquals(outcome(() -> EXTRACTOR.extract(folder)), outcome(() -> EXTRACTOR.extractOnCaller(folder)));
        Path missing = dir.resolve("missing.txt");
        assertEquals("IO: file not found", outcome(() -> EXTRACTOR.extractOnCaller(missing)));
    }

    @Test
    void textOverTheLimitsIsRefusedOrCutAsElsewhere(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.txt");
        Files.write(big, new byte[5000]);
        DocumentExtractor small = new DocumentExtractor(ExtractLimits.defaults().withMaxFileBytes(1000));
        assertEquals(Reason.TOO_LARGE, assertThrows(ExtractionException.class, () -> small.extractOnCaller(big)).reason());

        Path text = dir.resolve("long.txt");
        Files.writeString(text, TestTextFiles.headText().repeat(10));
        Document doc = new DocumentExtractor(ExtractLimits.defaults().withMaxTextChars(20)).extractOnCaller(text);
        assertEquals(20, doc.segments().stream().mapToInt(s -> s.text().length()).sum());
        assertTrue(doc.notes().contains("text cut after 20 characters"), doc.notes().toString());
    }

    @Test
    void aCallerInterruptedWhileReadingIsToldItWasInterrupted(@TempDir Path dir) throws Exception {
        // A stopped self-check interrupts its threads; their row must not say "took longer than…".
        Path text = dir.resolve("a.txt");
        Files.writeString(text, TestTextFiles.headText());
        String seen;
        Thread.currentThread().interrupt();
        try {
            seen = outcome(() -> EXTRACTOR.extractOnCaller(text));
        } finally {
            Thread.interrupted();
        }
        assertEquals("TIMEOUT: interrupted: cannot be checked", seen);
        assertTrue(outcome(() -> EXTRACTOR.extractOnCaller(text)).startsWith("txt\n"), "and reads once no longer interrupted");
    }

    @Test
    void aParsedFormatStillStopsAtTheTimeBudget(@TempDir Path dir) throws Exception {
        Path docx = dir.resolve("a.docx");
        Files.write(docx, TestDocuments.docx());
        DocumentExtractor hurried = new DocumentExtractor(ExtractLimits.defaults().withTimeBudget(Duration.ofMillis(1)));
        assertEquals(Reason.TIMEOUT, assertThrows(ExtractionException.class, () -> hurried.extractOnCaller(docx)).reason());
    }

    private interface Extraction {
        Document run() throws ExtractionException;
    }

    /**
     * Format, segments (their text as a digest: a failed comparison must not print the markings), pictures
     * and notes of a document, or the reason and message of its failure.
     */
    private static String outcome(Extraction extraction) {
        try {
            Document d = extraction.run();
            StringBuilder sb = new StringBuilder(d.format()).append('\n');
            d.segments().forEach(s -> sb.append(s.kind()).append(' ').append(s.where()).append(": ")
                    .append(s.length()).append(" chars, SHA-256 ").append(digest(s.text())).append('\n'));
            sb.append(d.images().size()).append(" pictures\n").append(d.notes());
            return sb.toString();
        } catch (ExtractionException e) {
            return e.reason() + ": " + e.getMessage();
        }
    }

    private static String digest(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
