package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.secrecyguard.extract.Extracted.segment;
import static org.secrecyguard.extract.Markings.FIRST_LINE_MARK;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.extract.ExtractionException.Reason;

/**
 * Damaged, encrypted, oversized and malicious files give a clear {@link ExtractionException} with the
 * right reason and a message without document text, quickly; nothing else escapes and nothing hangs.
 * The preemptive timeouts guard against hangs; they are not speed measurements.
 */
class HostileInputTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private static ExtractionException failure(String name, byte[] content) {
        return failure(EXTRACTOR, name, content);
    }

    private static ExtractionException failure(DocumentExtractor extractor, String name, byte[] content) {
        ExtractionException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(ExtractionException.class, () -> extractor.extract(name, content)));
        assertNoDocumentText(e.getMessage());
        return e;
    }

    private static void assertNoDocumentText(String message) {
        for (String mark : Markings.HEAD_LINES) {
            assertFalse(message.contains(mark), "message must not quote the document: " + message);
        }
        assertFalse(message.contains("机密") || message.contains("秘密"), message);
    }

    private static byte[] firstHalf(byte[] b) {
        return Arrays.copyOf(b, b.length / 2);
    }

    @Test
    void truncatedDocxIsCorrupt() {
        ExtractionException e = failure("通知.docx", firstHalf(TestDocuments.docx()));
        assertEquals(Reason.CORRUPT, e.reason());
        assertEquals("corrupt or truncated docx: cannot be read", e.getMessage());
    }

    @Test
    void truncatedPdfIsCorrupt() {
        ExtractionException e = failure("通知.pdf", firstHalf(TestDocuments.pdf()));
        assertEquals(Reason.CORRUPT, e.reason());
        assertEquals("corrupt or truncated pdf: cannot be read", e.getMessage());
    }

    @Test
    void truncatedXlsAndPptAreCorruptOrUnsupported() {
        for (byte[] b : List.of(TestDocuments.xls(), TestDocuments.ppt(), TestWord97.doc())) {
            Reason r = failure("a.bin", firstHalf(b)).reason();
            assertTrue(r == Reason.CORRUPT || r == Reason.UNSUPPORTED, r.toString());
        }
    }

    @Test
    void encryptedDocxIsEncrypted() {
        ExtractionException e = failure("通知.docx", TestDocuments.encryptOoxml(TestDocuments.docx()));
        assertEquals(Reason.ENCRYPTED, e.reason());
        assertEquals("encrypted: cannot be checked", e.getMessage());
    }

    @Test
    void pdfNeedingAUserPasswordIsEncrypted() {
        ExtractionException e = failure("通知.pdf", TestDocuments.pdfEncrypted("user-secret"));
        assertEquals(Reason.ENCRYPTED, e.reason());
    }

    @Test
    void passwordProtectedOdtIsEncrypted() {
        assertEquals(Reason.ENCRYPTED, failure("a.odt", TestOpenDocuments.odtEncrypted()).reason());
    }

    @Test
    void encryptedDocxInsideZipMakesTheArchiveEncrypted() {
        byte[] zip = TestDocuments.zip(TestDocuments.entries("说明.txt", "见附件",
                "附件/通知.docx", TestDocuments.encryptOoxml(TestDocuments.docx())));
        ExtractionException e = failure("a.zip", zip);
        assertEquals(Reason.ENCRYPTED, e.reason());
        assertTrue(e.getMessage().startsWith("a.zip!/附件/通知.docx: "), e.getMessage());
    }

    @Test
    void zipBombIsRefusedBeforeInflating() {
        ExtractionException e = failure("a.zip", TestArchives.zerosBomb(20));
        assertEquals(Reason.BOMB, e.reason());
    }

    @Test
    void zipBombWithFalseSizesIsCaughtWhileInflating() {
        ExtractionException e = failure("a.zip", TestArchives.lyingBomb(20));
        assertEquals(Reason.BOMB, e.reason());
    }

    @Test
    void bombNestedInsideAnArchiveIsFound() {
        ExtractionException e = failure("a.zip", TestArchives.nestedBomb());
        assertEquals(Reason.BOMB, e.reason());
        assertTrue(e.getMessage().contains("附件.zip"), e.getMessage());
    }

    @Test
    void docxCarryingABombPartIsABomb() {
        byte[] docx = TestDocuments.docx();
        byte[] bomb = TestArchives.zerosBomb(20);
        // A docx is a zip: append a huge, highly compressible part by re-zipping its entries.
        byte[] hostile = TestDocuments.zip(TestDocuments.entries("[Content_Types].xml",
                TestDocuments.entryOf(docx, "[Content_Types].xml"), "word/document.xml",
                TestDocuments.entryOf(docx, "word/document.xml"), "_rels/.rels", TestDocuments.entryOf(docx, "_rels/.rels"),
                "word/media/big.bin", TestDocuments.entryOf(bomb, "data.txt")));
        assertEquals(Reason.BOMB, failure("a.docx", hostile).reason());
    }

    @Test
    void archivesNestedDeeperThanTheLimitAreABomb() throws Exception {
        assertEquals(Reason.BOMB, failure("deep.zip", TestArchives.deepNest(5)).reason());
        Document ok = EXTRACTOR.extract("ok.zip", TestArchives.deepNest(3));
        segment(ok, SegmentKind.BODY, "ok.zip!/level1.zip!/level0.zip!/a.txt body", FIRST_LINE_MARK);
    }

    @Test
    void archiveWithTooManyEntriesIsABomb() {
        DocumentExtractor strict = new DocumentExtractor(new ExtractLimits(1 << 20, 1000, Duration.ofSeconds(20), 3, 100,
                1 << 20, 100, 5, 1 << 20, 150, 2, 100));
        assertEquals(Reason.BOMB, failure(strict, "a.zip", TestArchives.manyEntries(101)).reason());
    }

    @Test
    void randomBytesNamedDocxNeverThrowAnythingElse() {
        Random random = new Random(20260101);
        byte[][] prefixes = {{}, {'P', 'K', 3, 4}, {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
                (byte) 0xe1}, "%PDF-1.7\n".getBytes(), "{\\rtf1 ".getBytes(), {(byte) 0x89, 'P', 'N', 'G'}};
        for (byte[] prefix : prefixes) {
            for (int i = 0; i < 5; i++) {
                byte[] b = new byte[1000 + random.nextInt(20000)];
                random.nextBytes(b);
                System.arraycopy(prefix, 0, b, 0, prefix.length);
                assertTimeoutPreemptively(HANG_GUARD, () -> {
                    try {
                        EXTRACTOR.extract("随机.docx", b);
                    } catch (ExtractionException e) {
                        assertNoDocumentText(e.getMessage());
                    }
                });
            }
        }
    }

    @Test
    void mutatedDocumentsNeverThrowAnythingElse() {
        // Low render resolution: this test is about robustness, not about rendering cost.
        DocumentExtractor extractor = new DocumentExtractor(ExtractLimits.defaults().withRenderDpi(40));
        Random random = new Random(7);
        List<byte[]> originals = List.of(TestDocuments.docx(), TestDocuments.pdf(), TestDocuments.xls(), TestWord97.doc(),
                TestTextFiles.rtf(), TestOpenDocuments.odt());
        for (byte[] original : originals) {
            for (int i = 0; i < 4; i++) {
                byte[] b = original.clone();
                for (int k = 0; k < 20; k++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                assertTimeoutPreemptively(HANG_GUARD, () -> {
                    try {
                        extractor.extract("变异", b);
                    } catch (ExtractionException e) {
                        assertNoDocumentText(e.getMessage());
                    }
                });
            }
        }
    }

    @Test
    void slowExtractionStopsAtTheTimeBudget() {
        DocumentExtractor hurried = new DocumentExtractor(ExtractLimits.defaults().withTimeBudget(Duration.ofMillis(1)));
        ExtractionException e = failure(hurried, "a.docx", TestDocuments.docx());
        assertEquals(Reason.TIMEOUT, e.reason());
    }

    @Test
    void textPastTheBudgetIsCutWithANote() throws Exception {
        DocumentExtractor small = new DocumentExtractor(ExtractLimits.defaults().withMaxTextChars(20));
        Document doc = small.extract("a.txt", TestTextFiles.headText().repeat(10).getBytes());
        int total = doc.segments().stream().mapToInt(s -> s.text().length()).sum();
        assertEquals(20, total);
        assertTrue(doc.notes().contains("text cut after 20 characters"), doc.notes().toString());
    }

    @Test
    void spreadsheetPastTheTextBudgetStopsEarlyWithANote() throws Exception {
        DocumentExtractor small = new DocumentExtractor(ExtractLimits.defaults().withMaxTextChars(20));
        Document doc = small.extract("a.xlsx", WriteTestCorpus.largeXlsx(2000, 5));
        assertEquals(20, doc.segments().stream().mapToInt(s -> s.text().length()).sum());
        assertTrue(doc.notes().contains("text cut after 20 characters"), doc.notes().toString());
    }

    @Test
    void picturesPastTheLimitAreSkippedWithANote() throws Exception {
        DocumentExtractor none = new DocumentExtractor(ExtractLimits.defaults().withMaxImages(0));
        Document doc = none.extract("a.docx", TestDocuments.docx());
        assertTrue(doc.images().isEmpty());
        assertTrue(doc.notes().contains("1 images skipped: limit 0 per file"), doc.notes().toString());
    }

    @Test
    void fileOverTheSizeLimitIsTooLarge(@TempDir Path dir) throws Exception {
        DocumentExtractor small = new DocumentExtractor(ExtractLimits.defaults().withMaxFileBytes(1000));
        Path file = dir.resolve("big.txt");
        Files.write(file, new byte[5000]);
        assertEquals(Reason.TOO_LARGE, assertThrows(ExtractionException.class, () -> small.extract(file)).reason());
        assertEquals(Reason.TOO_LARGE, failure(small, "big.txt", new byte[5000]).reason());
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path dir) {
        ExtractionException e = assertThrows(ExtractionException.class, () -> EXTRACTOR.extract(dir.resolve("无.docx")));
        assertEquals(Reason.IO, e.reason());
    }

    @Test
    void fileOnDiskIsReadLikeBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("通知.docx");
        Files.write(file, TestDocuments.docx());
        segment(EXTRACTOR.extract(file), SegmentKind.HEADER, "header", Markings.HEADER_MARK);
    }

    @Test
    void unknownBinaryIsUnsupported() {
        byte[] sevenZip = {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        ExtractionException e = failure("a.7z", sevenZip);
        assertEquals(Reason.UNSUPPORTED, e.reason());
        assertTrue(e.getMessage().contains("7z"), e.getMessage());
    }

    @Test
    void oneExtractorServesManyThreadsAtOnce() throws Exception {
        List<Callable<Document>> jobs = new ArrayList<>();
        byte[] docx = TestDocuments.docx();
        byte[] xlsx = TestDocuments.xlsx();
        for (int i = 0; i < 8; i++) {
            jobs.add(i % 2 == 0 ? () -> EXTRACTOR.extract("a.docx", docx) : () -> EXTRACTOR.extract("b.xlsx", xlsx));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Document> f : pool.invokeAll(jobs)) {
                Document doc = f.get();
                if (doc.format().equals("docx")) {
                    segment(doc, SegmentKind.HEADER, "header", Markings.HEADER_MARK);
                } else if (doc.format().equals("xlsx")) {
                    segment(doc, SegmentKind.TABLE_CELL, "sheet 预算!B4", Markings.CELL_MARK);
                } else {
                    fail(doc.format());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
