package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.secrecyguard.extract.Extracted.segment;
import static org.secrecyguard.extract.Markings.CELL_MARK;
import static org.secrecyguard.extract.Markings.FIRST_LINE_MARK;
import static org.secrecyguard.extract.Markings.HEADER_MARK;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.extract.ExtractionException.Reason;

/**
 * Files with one damaged part: the damage is never passed over in silence. Either the rest of the file
 * is read and a note names what was not, or the whole file is a clear CORRUPT error; a result that
 * looks complete while a part was lost is what this guards against.
 */
class PartialDamageTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    /** Extracts, and fails when the result is neither a note-carrying document nor a clear CORRUPT error. */
    private static Document readOrCorrupt(String what, String name, byte[] content) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                Document doc = EXTRACTOR.extract(name, content);
                assertFalse(doc.notes().isEmpty(), what + ": read as if complete, with no note about the damage: "
                        + Extracted.describe(doc));
                return doc;
            } catch (ExtractionException e) {
                assertEquals(Reason.CORRUPT, e.reason(), what + ": " + e.getMessage());
                assertTrue(e.getMessage().contains(name.substring(name.lastIndexOf('.') + 1)),
                        what + ": the message names the format: " + e.getMessage());
                assertFalse(e.getMessage().contains("机密") || e.getMessage().contains("秘密"), e.getMessage());
                return null;
            }
        });
    }

    private static void eachDamagedPart(String name, byte[] pkg, List<String> parts) {
        for (String part : parts) {
            readOrCorrupt(name + " with a truncated " + part, name, Repack.truncated(pkg, part));
        }
    }

    @Test
    void docxWithADamagedPartIsNeverReadAsComplete() {
        eachDamagedPart("a.docx", TestDocuments.docx(), List.of("word/document.xml", "word/header1.xml",
                "word/footer1.xml", "word/footnotes.xml", "word/comments.xml", "word/_rels/document.xml.rels"));
    }

    @Test
    void xlsxWithADamagedPartIsNeverReadAsComplete() {
        eachDamagedPart("a.xlsx", TestDocuments.xlsx(), List.of("xl/workbook.xml", "xl/sharedStrings.xml",
                "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/styles.xml"));
    }

    @Test
    void pptxOdtAndOfdWithADamagedPartAreNeverReadAsComplete() {
        eachDamagedPart("a.pptx", TestDocuments.pptx(), List.of("ppt/slides/slide1.xml", "ppt/slides/slide2.xml",
                "ppt/notesSlides/notesSlide1.xml"));
        eachDamagedPart("a.odt", TestOpenDocuments.odt(), List.of("content.xml", "styles.xml"));
        byte[] ofd = TestOpenDocuments.ofd();
        eachDamagedPart("a.ofd", ofd, Repack.parts(ofd).keySet().stream().filter(p -> p.endsWith("Content.xml")).toList());
    }

    @Test
    void damagedDocumentPropertiesDoNotCostTheText() throws Exception {
        byte[] docx = Repack.truncated(TestDocuments.docx(), "docProps/core.xml");
        Document doc = EXTRACTOR.extract("a.docx", docx);
        segment(doc, SegmentKind.BODY, "body", FIRST_LINE_MARK);
        segment(doc, SegmentKind.HEADER, "header", HEADER_MARK);
        byte[] xlsx = Repack.truncated(TestDocuments.xlsx(), "docProps/app.xml");
        segment(EXTRACTOR.extract("a.xlsx", xlsx), SegmentKind.TABLE_CELL, "sheet 预算!B4", CELL_MARK);
    }

    @Test
    void docxWithDamagedContentTypesStillGivesUpItsText() throws Exception {
        // Without a readable [Content_Types].xml the package is no longer known as a docx; its parts are
        // then read as the entries of a zip, so that the markings in them are still found.
        byte[] docx = Repack.truncated(TestDocuments.docx(), "[Content_Types].xml");
        Document doc = EXTRACTOR.extract("a.docx", docx);
        assertTrue(doc.segments().stream().anyMatch(s -> s.kind() != SegmentKind.FILE_NAME
                && s.text().contains(HEADER_MARK)), Extracted.describe(doc));
        assertTrue(doc.segments().stream().anyMatch(s -> s.kind() != SegmentKind.FILE_NAME
                && s.text().contains(FIRST_LINE_MARK)), Extracted.describe(doc));
    }

    @Test
    void oneDamagedEntryOfAZipCostsOnlyThatEntry() throws Exception {
        byte[] docx = TestDocuments.docx();
        byte[] zip = TestDocuments.zip(TestDocuments.entries("good.txt", FIRST_LINE_MARK + "\n正文",
                "bad.docx", Arrays.copyOf(docx, docx.length / 2), "good.docx", docx,
                "bad.pdf", Arrays.copyOf(TestDocuments.pdf(), 400)));
        Document doc = EXTRACTOR.extract("a.zip", zip);
        segment(doc, SegmentKind.BODY, "a.zip!/good.txt body", FIRST_LINE_MARK);
        segment(doc, SegmentKind.HEADER, "a.zip!/good.docx header", HEADER_MARK);
        segment(doc, SegmentKind.FILE_NAME, "a.zip!/bad.docx", "bad.docx");
        assertTrue(doc.notes().contains("bad.docx: corrupt or truncated docx: cannot be read"), doc.notes().toString());
        assertTrue(doc.notes().stream().anyMatch(n -> n.startsWith("bad.pdf: ")), doc.notes().toString());
    }

    @Test
    void truncatedFilesOfEveryFormatAreCorruptOrNoted() {
        Map<String, byte[]> files = Map.of("a.docx", TestDocuments.docx(), "a.xlsx", TestDocuments.xlsx(),
                "a.pptx", TestDocuments.pptx(), "a.odt", TestOpenDocuments.odt(), "a.ofd", TestOpenDocuments.ofd(),
                "a.pdf", TestDocuments.pdf());
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            byte[] b = f.getValue();
            for (int keep : new int[] {b.length / 3, b.length - 30}) {
                readOrCorrupt(f.getKey() + " cut to " + keep + " bytes", f.getKey(), Arrays.copyOf(b, keep));
            }
        }
    }

    @Test
    void garbageInsideTheMainPartIsACorruptFileNotACrash() {
        byte[] docx = Repack.replace(TestDocuments.docx(), "word/document.xml",
                "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body><w:p>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ExtractionException e = assertThrows(ExtractionException.class, () -> EXTRACTOR.extract("a.docx", docx));
        assertEquals(Reason.CORRUPT, e.reason());
        assertEquals("corrupt or truncated docx: cannot be read", e.getMessage());
    }

    @Test
    void everySegmentOfADamagedZipEntryIsLocatedInsideTheArchive() throws Exception {
        byte[] zip = TestDocuments.zip(TestDocuments.entries("x/bad.xlsx",
                Repack.truncated(TestDocuments.xlsx(), "xl/sharedStrings.xml"), "y.txt", "正文"));
        Document doc = EXTRACTOR.extract("a.zip", zip);
        for (Segment s : doc.segments()) {
            if (!s.where().startsWith("a.zip!/")) {
                fail("segment outside the archive: " + s.where());
            }
        }
        assertTrue(doc.notes().stream().anyMatch(n -> n.startsWith("x/bad.xlsx: ")), doc.notes().toString());
    }
}
