package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secrecyguard.extract.Extracted.segment;
import static org.secrecyguard.extract.Markings.FIRST_LINE_MARK;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.extract.ExtractionException.Reason;

/**
 * Every budget of {@link ExtractLimits} ends in what the user is told: a note for what was cut (pages,
 * slides, text, pictures) or a refusal for what cannot be checked at all (size, bombs, time).
 */
class ExtractLimitsTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    /** Defaults with the given archive, picture and page limits. */
    private static ExtractLimits limits(int depth, int entries, long totalBytes, int ratio, int images,
                                        long imageBytes, int pages) {
        return new ExtractLimits(20L << 20, 1_000_000, Duration.ofSeconds(20), depth, entries, totalBytes, ratio,
                images, imageBytes, 150, 10, pages);
    }

    private static ExtractionException refused(DocumentExtractor x, String name, byte[] content) {
        return assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(ExtractionException.class, () -> x.extract(name, content)));
    }

    @Test
    void nonsenseLimitsAreRefusedAtOnce() {
        ExtractLimits d = ExtractLimits.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withMaxFileBytes(0));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxTextChars(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withTimeBudget(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> d.withRenderDpi(20));
        assertThrows(IllegalArgumentException.class, () -> d.withRenderDpi(1200));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxImages(-1));
        assertThrows(NullPointerException.class, () -> d.withTimeBudget(null));
        assertThrows(IllegalArgumentException.class, () -> limits(-1, 10, 10, 10, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> limits(1, 10, 10, 10, 1, 1, 0));
        assertEquals(0, d.withMaxImages(0).maxImages(), "no pictures at all is a valid choice");
    }

    @Test
    void pdfPagesPastTheLimitAreSkippedWithANote() throws Exception {
        DocumentExtractor x = new DocumentExtractor(limits(3, 100, 1 << 20, 100, 5, 1 << 20, 2));
        Document doc = x.extract("a.pdf", TestDocuments.pdfTextPages(5));
        segment(doc, SegmentKind.BODY, "page 2", FIRST_LINE_MARK);
        assertTrue(doc.segments().stream().noneMatch(s -> s.where().equals("page 3")), Extracted.describe(doc));
        assertEquals(List.of("pages after page 2 not read: limit 2"), doc.notes());
    }

    @Test
    void slidesPastTheLimitAreSkippedWithANote() throws Exception {
        DocumentExtractor x = new DocumentExtractor(limits(3, 100, 1 << 20, 100, 5, 1 << 20, 1));
        Document doc = x.extract("a.pptx", TestDocuments.pptx());
        segment(doc, SegmentKind.BODY, "slide 1", FIRST_LINE_MARK);
        assertTrue(doc.segments().stream().noneMatch(s -> s.where().startsWith("slide 2")), Extracted.describe(doc));
        assertTrue(doc.notes().contains("1 slides after slide 1 not read: limit"), doc.notes().toString());
    }

    @Test
    void entriesAreCountedAcrossNestedArchives() {
        // Two archives of 30 entries each are within a limit of 50 one by one, but not together.
        byte[] zip = TestDocuments.zip(TestDocuments.entries("a.zip", TestArchives.manyEntries(30),
                "b.zip", TestArchives.manyEntries(30)));
        DocumentExtractor x = new DocumentExtractor(limits(3, 50, 1 << 20, 100, 5, 1 << 20, 10));
        assertEquals(Reason.BOMB, refused(x, "outer.zip", zip).reason());
    }

    @Test
    void inflatedBytesAreCountedAcrossNestedArchives() {
        byte[] text = ("正文" + "一".repeat(3000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] inner = TestDocuments.zip(TestDocuments.entries("a.txt", text, "b.txt", text));
        byte[] zip = TestDocuments.zip(TestDocuments.entries("1.zip", inner, "2.zip", inner, "3.zip", inner));
        long total = 5L * text.length; // room for fewer than the six texts
        DocumentExtractor x = new DocumentExtractor(limits(3, 100, total, 1000, 5, 1 << 20, 10));
        ExtractionException e = refused(x, "outer.zip", zip);
        assertEquals(Reason.BOMB, e.reason());
        assertTrue(e.getMessage().contains("inflates to more than"), e.getMessage());
    }

    @Test
    void entryInflatingPastTheRatioIsABombButSmallRepetitiveFilesAreNot() throws Exception {
        DocumentExtractor x = new DocumentExtractor(limits(3, 100, 64L << 20, 20, 5, 1 << 20, 10));
        byte[] big = TestDocuments.zip(TestDocuments.entries("z.txt", new byte[3 << 20]));
        ExtractionException e = refused(x, "a.zip", big);
        assertEquals(Reason.BOMB, e.reason());
        // Under 1 MB any ratio is allowed: a blank form or a log of repeated lines compresses this well.
        byte[] small = TestDocuments.zip(TestDocuments.entries("z.txt", ("机密★1年\n" + " ".repeat(200_000))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        segment(x.extract("b.zip", small), SegmentKind.BODY, "b.zip!/z.txt body", FIRST_LINE_MARK);
    }

    @Test
    void picturesLargerThanTheLimitAreSkippedWithANote() throws Exception {
        DocumentExtractor x = new DocumentExtractor(limits(3, 100, 1 << 20, 100, 5, 100, 10));
        Document doc = x.extract("a.docx", TestDocuments.docx());
        assertTrue(doc.images().isEmpty());
        assertTrue(doc.notes().contains("1 images larger than 0 MB skipped"), doc.notes().toString());
    }

    @Test
    void textBudgetIsSharedByEveryEntryOfAnArchive() throws Exception {
        byte[] zip = TestDocuments.zip(TestDocuments.entries("a.txt", "一二三四五六七八九十", "b.txt", "甲乙丙丁戊己庚辛壬癸"));
        Document doc = new DocumentExtractor(ExtractLimits.defaults().withMaxTextChars(25)).extract("x.zip", zip);
        int chars = doc.segments().stream().mapToInt(s -> s.text().length()).sum();
        assertEquals(25, chars, "entry names and both texts draw on one budget: " + Extracted.describe(doc));
        assertTrue(doc.notes().stream().anyMatch(n -> n.endsWith("text cut after 25 characters")), doc.notes().toString());
    }

    @Test
    void aLongUtf8TextCutMidCharacterIsStillReadAsUtf8() throws Exception {
        // Bytes past 4 x the text budget are not decoded. A cut inside a character used to make the whole
        // text invalid UTF-8, and it was then read as GB18030: garbage, and the marking was missed.
        for (int budget = 10; budget < 13; budget++) {
            byte[] text = ("机密★1年\n" + "关于加强值班工作的通知".repeat(10)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Document doc = new DocumentExtractor(ExtractLimits.defaults().withMaxTextChars(budget)).extract("a.txt", text);
            String body = doc.segments().stream().filter(x -> x.kind() == SegmentKind.BODY).findFirst().orElseThrow().text();
            assertTrue(body.startsWith("机密★1年"), "budget " + budget + ": " + body);
        }
    }

    @Test
    void fileOverTheSizeLimitIsRefusedBeforeReading() {
        DocumentExtractor x = new DocumentExtractor(ExtractLimits.defaults().withMaxFileBytes(1024 * 1024));
        ExtractionException e = refused(x, "a.txt", new byte[1024 * 1024 + 1]);
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertEquals("file of 1 MB is larger than the 1 MB limit: cannot be checked", e.getMessage());
    }

    @Test
    void aFileLargerThanItsReportedSizeIsReadOnUpToTheLimit() throws Exception {
        // procfs reports 0 bytes for files that hold text; /dev/zero never ends: as a file still being written.
        Document proc = new DocumentExtractor().extract(java.nio.file.Path.of("/proc/version"));
        assertTrue(Extracted.describe(proc).contains("Linux version"), Extracted.describe(proc));
        DocumentExtractor x = new DocumentExtractor(ExtractLimits.defaults().withMaxFileBytes(1024 * 1024));
        ExtractionException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(ExtractionException.class, () -> x.extract(java.nio.file.Path.of("/dev/zero"))));
        assertEquals(Reason.TOO_LARGE, e.reason(), e.getMessage());
    }
}
