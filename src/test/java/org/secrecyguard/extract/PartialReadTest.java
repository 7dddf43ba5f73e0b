package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secrecyguard.extract.Extracted.segment;
import static org.secrecyguard.extract.Markings.CELL_MARK;
import static org.secrecyguard.extract.Markings.FIRST_LINE_MARK;
import static org.secrecyguard.extract.Markings.HEADER_MARK;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.engine.marking.MarkingDetector;

/**
 * A damaged part of a file (drawings, comments, one sheet, one slide) costs only that part: the rest is
 * read, its marking still flags, and a "partial" note says what was not read.
 */
class PartialReadTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();
    /** BIFF8 record holding a sheet's drawing (text boxes, comment shapes). */
    private static final int MSO_DRAWING = 0x00EC;

    private static List<Finding> markings(Document doc) {
        List<Finding> found = new ArrayList<>();
        MarkingDetector.allLevels().detect(new DocumentText(doc.segments()), found::add);
        return found;
    }

    private static void assertPartialAndFlagged(Document doc, String mark) {
        assertTrue(doc.notes().stream().anyMatch(n -> n.contains("partial")), () -> "no partial note: " + doc.notes());
        assertTrue(markings(doc).stream().anyMatch(f -> f.evidence().equals(mark)),
                () -> "marking " + mark + " not flagged in " + Extracted.describe(doc));
        for (String n : doc.notes()) {
            assertFalse(n.contains("机密") || n.contains("绝密") || n.contains("秘密"), n);
        }
    }

    @Test
    void xlsWithDamagedDrawingRecordsKeepsItsCellsAndHeader() throws Exception {
        byte[] xls = damageRecords(TestDocuments.xls(), MSO_DRAWING);
        Document doc = EXTRACTOR.extract("a.xls", xls);
        segment(doc, SegmentKind.TABLE_CELL, "sheet 预算!B4", CELL_MARK);
        segment(doc, SegmentKind.HEADER, "sheet 预算 header", HEADER_MARK);
        assertPartialAndFlagged(doc, CELL_MARK);
    }

    @Test
    void docxWithADamagedCommentsPartKeepsItsBody() throws Exception {
        Document doc = EXTRACTOR.extract("a.docx", Repack.replace(TestDocuments.docx(), "word/comments.xml",
                "<w:comments xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:comment>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        segment(doc, SegmentKind.BODY, "body", FIRST_LINE_MARK);
        assertPartialAndFlagged(doc, FIRST_LINE_MARK);
    }

    @Test
    void xlsxWithADamagedSecondSheetKeepsTheFirst() throws Exception {
        Document doc = EXTRACTOR.extract("a.xlsx", Repack.replace(TestDocuments.xlsx(), "xl/worksheets/sheet2.xml",
                "<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'><sheetData><row>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        segment(doc, SegmentKind.TABLE_CELL, "sheet 预算!B4", CELL_MARK);
        assertPartialAndFlagged(doc, CELL_MARK);
    }

    @Test
    void xlsxWithADamagedFirstSheetStillReadsTheSecond() throws Exception {
        byte[] xlsx;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var bytes = new ByteArrayOutputStream()) {
            wb.createSheet("一").createRow(0).createCell(0).setCellValue("第一张表");
            wb.createSheet("二").createRow(1).createCell(1).setCellValue(CELL_MARK);
            wb.write(bytes);
            xlsx = bytes.toByteArray();
        }
        Document doc = EXTRACTOR.extract("a.xlsx", Repack.replace(xlsx, "xl/worksheets/sheet1.xml",
                "<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'><sheetData><row>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        segment(doc, SegmentKind.TABLE_CELL, "sheet 二!B2", CELL_MARK);
        assertPartialAndFlagged(doc, CELL_MARK);
    }

    @Test
    void pptxWithADamagedSecondSlideKeepsTheFirst() throws Exception {
        Document doc = EXTRACTOR.extract("a.pptx", Repack.replace(TestDocuments.pptx(), "ppt/slides/slide2.xml",
                "<p:sld xmlns:p='http://schemas.openxmlformats.org/presentationml/2006/main'><p:cSld>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertPartialAndFlagged(doc, FIRST_LINE_MARK);
    }

    @Test
    void docAndPptCutShortKeepWhatWasReadOrFailClearly() throws Exception {
        for (String name : List.of("a.doc", "a.ppt")) {
            byte[] file = name.equals("a.doc") ? TestWord97.doc() : TestDocuments.ppt();
            byte[] damaged = damageStreamTail(file, name.equals("a.doc") ? "WordDocument" : "PowerPoint Document");
            try {
                Document doc = EXTRACTOR.extract(name, damaged);
                assertTrue(!doc.notes().isEmpty(), name + " read as complete: " + Extracted.describe(doc));
            } catch (ExtractionException e) {
                assertTrue(e.getMessage().startsWith("corrupt or truncated"), e.getMessage());
            }
        }
    }

    /** Overwrites the body of every record {@code sid} in the workbook stream with 0xFF bytes. */
    static byte[] damageRecords(byte[] xls, int sid) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(xls))) {
            byte[] wb;
            try (var in = fs.createDocumentInputStream("Workbook")) {
                wb = in.readAllBytes();
            }
            int damaged = 0;
            for (int p = 0; p + 4 <= wb.length; ) {
                int id = (wb[p] & 0xFF) | (wb[p + 1] & 0xFF) << 8;
                int len = (wb[p + 2] & 0xFF) | (wb[p + 3] & 0xFF) << 8;
                if (id == sid) {
                    Arrays.fill(wb, p + 4, Math.min(wb.length, p + 4 + len), (byte) 0xFF);
                    damaged++;
                }
                p += 4 + len;
            }
            assertTrue(damaged > 0, "no record " + Integer.toHexString(sid) + " to damage");
            fs.createOrUpdateDocument(new ByteArrayInputStream(wb), "Workbook");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** Overwrites the second half of stream {@code name} with 0xFF bytes. */
    static byte[] damageStreamTail(byte[] ole, String name) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(ole))) {
            byte[] b;
            try (var in = fs.createDocumentInputStream(name)) {
                b = in.readAllBytes();
            }
            Arrays.fill(b, b.length / 2, b.length, (byte) 0xFF);
            fs.createOrUpdateDocument(new ByteArrayInputStream(b), name);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
