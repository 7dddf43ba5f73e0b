package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.engine.marking.MarkingDetector;
import org.secrecyguard.extract.ExtractionException.Reason;

/**
 * Excel binary workbooks, built record by record by {@link TestXlsb} (no Excel-written file is
 * available here): every place a marking can stand is read, damage costs only the damaged part.
 */
class XlsbExtractorTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();

    private static List<Finding> markings(Document doc) {
        List<Finding> found = new ArrayList<>();
        MarkingDetector.allLevels().detect(new DocumentText(doc.segments()), found::add);
        return found;
    }

    private static boolean flags(Document doc, String marking) {
        return markings(doc).stream().anyMatch(f -> f.evidence().equals(marking));
    }

    private static TestXlsb twoSheets() {
        TestXlsb book = new TestXlsb();
        book.sheet("预算")
                .shared(0, 0, "项目").shared(0, 1, "金额")
                .shared(1, 0, Markings.CELL_MARK)
                .inline(2, 0, Markings.FIRST_LINE_MARK)
                .rich(3, 1, Markings.TEXT_BOX_MARK)
                .number(4, 2, 1234.5)
                .comment(0, 1, "张三", Markings.COMMENT_MARK)
                .comment(7, 3, "张三", Markings.SPLIT_MARK)
                .headerFooter("&L&\"宋体,常规\"" + Markings.HEADER_MARK + "&C第&P页", "&C" + Markings.FOOTER_MARK);
        book.sheet(Markings.NOTES_MARK).shared(0, 0, "附表").inline(0, 1, Markings.FOOTNOTE_MARK);
        return book;
    }

    @Test
    void readsCellsOfEveryKindCommentsHeaderFooterAndSheetNames() throws Exception {
        Document doc = EXTRACTOR.extract("budget.xlsb", twoSheets().build());
        assertEquals("xlsb", doc.format());
        Extracted.segment(doc, SegmentKind.TABLE_CELL, "sheet 预算!A2", Markings.CELL_MARK);
        Extracted.segment(doc, SegmentKind.TABLE_CELL, "sheet 预算!A3", Markings.FIRST_LINE_MARK);
        Extracted.segment(doc, SegmentKind.TABLE_CELL, "sheet 预算!B4", Markings.TEXT_BOX_MARK);
        Extracted.segment(doc, SegmentKind.TABLE_CELL, "sheet 预算!C5", "1234.5");
        Extracted.segment(doc, SegmentKind.COMMENT, "sheet 预算!B1 comment", Markings.COMMENT_MARK);
        Extracted.segment(doc, SegmentKind.COMMENT, "sheet 预算!D8 comment", Markings.SPLIT_MARK);
        Extracted.segment(doc, SegmentKind.HEADER, "sheet 预算 header", Markings.HEADER_MARK);
        Extracted.segment(doc, SegmentKind.FOOTER, "sheet 预算 footer", Markings.FOOTER_MARK);
        Extracted.segment(doc, SegmentKind.BODY, "sheet 2 name", Markings.NOTES_MARK);
        Extracted.segment(doc, SegmentKind.TABLE_CELL, "sheet " + Markings.NOTES_MARK + "!B1", Markings.FOOTNOTE_MARK);
        for (String m : List.of(Markings.CELL_MARK, Markings.FIRST_LINE_MARK, Markings.TEXT_BOX_MARK,
                Markings.COMMENT_MARK, Markings.HEADER_MARK, Markings.NOTES_MARK, Markings.FOOTNOTE_MARK)) {
            assertTrue(flags(doc, m), m + " flagged; " + markings(doc));
        }
        assertTrue(doc.notes().isEmpty(), doc.notes().toString());
    }

    @Test
    void aCleanWorkbookIsReadAndNotFlagged() throws Exception {
        Document doc = EXTRACTOR.extract("clean.xlsb", TestXlsb.simple("2026年第一季度办公用品采购清单"));
        Extracted.segment(doc, SegmentKind.TABLE_CELL, "sheet 预算!A1", "办公用品采购清单");
        assertTrue(markings(doc).isEmpty(), markings(doc).toString());
    }

    @Test
    void isRecognisedByContentWhateverTheName() throws Exception {
        byte[] xlsb = TestXlsb.simple(Markings.CELL_MARK);
        for (String name : List.of("report.xlsx", "data.bin", "noextension")) {
            Document doc = EXTRACTOR.extract(name, xlsb);
            assertEquals("xlsb", doc.format(), name);
            assertTrue(flags(doc, Markings.CELL_MARK), name);
        }
    }

    @Test
    void aTruncatedSheetKeepsItsEarlierCellsAndTheOtherSheets() throws Exception {
        Map<String, byte[]> parts = twoSheets().parts();
        byte[] sheet1 = parts.get("xl/worksheets/sheet1.bin");
        // cut inside the record of the inline string in A3: A1..A2 were read, the rest of the sheet is lost
        int cut = indexOf(sheet1, Markings.FIRST_LINE_MARK.getBytes(java.nio.charset.StandardCharsets.UTF_16LE)) + 3;
        parts.put("xl/worksheets/sheet1.bin", Arrays.copyOf(sheet1, cut));
        Document doc = EXTRACTOR.extract("a.xlsb", TestDocuments.zip(parts));
        assertTrue(flags(doc, Markings.CELL_MARK), Extracted.describe(doc));
        assertTrue(flags(doc, Markings.FOOTNOTE_MARK), "the second sheet is read: " + Extracted.describe(doc));
        assertTrue(Extracted.all(doc, SegmentKind.TABLE_CELL, Markings.TEXT_BOX_MARK).isEmpty());
        assertTrue(doc.notes().stream().anyMatch(n -> n.startsWith("partial: sheet 预算")), doc.notes().toString());
    }

    @Test
    void damagedSharedStringsKeepTheStringsBeforeTheDamage() throws Exception {
        Map<String, byte[]> parts = twoSheets().parts();
        byte[] sst = parts.get("xl/sharedStrings.bin");
        // the third shared string (the cell marking) is cut; "项目" and "金额" before it survive
        int cut = indexOf(sst, Markings.CELL_MARK.getBytes(java.nio.charset.StandardCharsets.UTF_16LE)) + 2;
        parts.put("xl/sharedStrings.bin", Arrays.copyOf(sst, cut));
        Document doc = EXTRACTOR.extract("a.xlsb", TestDocuments.zip(parts));
        Extracted.segment(doc, SegmentKind.TABLE_CELL, "sheet 预算!B1", "金额");
        assertTrue(flags(doc, Markings.FIRST_LINE_MARK), "inline strings do not need the table");
        assertTrue(doc.notes().stream().anyMatch(n -> n.contains("shared strings") && n.contains("first 2")),
                doc.notes().toString());
    }

    @Test
    void aCellPointingPastTheSharedStringsCostsOnlyThatCell() throws Exception {
        TestXlsb book = new TestXlsb();
        book.sheet("表1").sharedIndex(0, 0, 99).shared(1, 0, Markings.CELL_MARK);
        Document doc = EXTRACTOR.extract("a.xlsb", book.build());
        assertTrue(flags(doc, Markings.CELL_MARK), Extracted.describe(doc));
    }

    @Test
    void numbersAreShownEvenWithoutAStylesPart() throws Exception {
        TestXlsb book = new TestXlsb().withoutStyles();
        book.sheet("表1").number(0, 0, 20260101).number(0, 1, 0.25).shared(1, 0, Markings.CELL_MARK);
        Document doc = EXTRACTOR.extract("a.xlsb", book.build());
        Extracted.segment(doc, SegmentKind.TABLE_CELL, "sheet 表1!A1", "20260101");
        Extracted.segment(doc, SegmentKind.TABLE_CELL, "sheet 表1!B1", "0.25");
        assertTrue(flags(doc, Markings.CELL_MARK));
    }

    @Test
    void aDamagedCommentsPartCostsOnlyTheComments() throws Exception {
        Map<String, byte[]> parts = twoSheets().parts();
        byte[] comments = parts.get("xl/comments1.bin");
        parts.put("xl/comments1.bin", Arrays.copyOf(comments, comments.length / 2));
        Document doc = EXTRACTOR.extract("a.xlsb", TestDocuments.zip(parts));
        assertTrue(flags(doc, Markings.CELL_MARK), Extracted.describe(doc));
        assertTrue(flags(doc, Markings.HEADER_MARK), Extracted.describe(doc));
        assertTrue(doc.notes().stream().anyMatch(n -> n.contains("comments of sheet 预算")), doc.notes().toString());
    }

    @Test
    void aWorkbookWhoseSheetListIsGarbageIsAnError() {
        Map<String, byte[]> parts = twoSheets().parts();
        byte[] garbage = new byte[200];
        Arrays.fill(garbage, (byte) 0xFF);
        parts.put("xl/workbook.bin", garbage);
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> EXTRACTOR.extract("a.xlsb", TestDocuments.zip(parts)));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("xlsb"), e.getMessage());
    }

    @Test
    void aTruncatedXlsbFileIsAClearError() {
        byte[] xlsb = twoSheets().build();
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> EXTRACTOR.extract("a.xlsb", Arrays.copyOf(xlsb, xlsb.length / 2)));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("xlsb"), e.getMessage());
    }

    @Test
    void anXlsbCarryingABombPartIsABomb() {
        Map<String, byte[]> parts = twoSheets().parts();
        parts.put("xl/media/image1.png", new byte[200 * 1024 * 1024]);
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> EXTRACTOR.extract("a.xlsb", TestDocuments.zip(parts)));
        assertEquals(Reason.BOMB, e.reason(), e.getMessage());
    }

    @Test
    void aLongSheetStopsAtTheTextBudget() throws Exception {
        TestXlsb book = new TestXlsb();
        TestXlsb.SheetBuilder sheet = book.sheet("明细");
        for (int r = 0; r < 20_000; r++) {
            sheet.inline(r, 0, "第" + r + "行 普通内容");
        }
        book.sheet("尾页").shared(0, 0, Markings.CELL_MARK);
        DocumentExtractor small = new DocumentExtractor(ExtractLimits.defaults().withMaxTextChars(10_000));
        Document doc = small.extract("a.xlsb", book.build());
        assertTrue(doc.segments().stream().mapToInt(s -> s.text().length()).sum() <= 10_000);
        assertTrue(doc.notes().stream().anyMatch(n -> n.contains("text cut")), doc.notes().toString());
    }

    private static int indexOf(byte[] b, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= b.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }

    @Test
    void aTextBoxOnASheetIsReadAndADamagedDrawingCostsOnlyItsTextBoxes() throws Exception {
        // The drawing part as POI's own xlsx writer makes it; an xlsb keeps its drawings in the same XML.
        byte[] drawing = Repack.parts(textBoxWorkbook(Markings.TEXT_BOX_MARK)).get("xl/drawings/drawing1.xml");
        TestXlsb book = new TestXlsb();
        book.sheet("预算").shared(0, 0, "项目").drawing(drawing);
        Document doc = EXTRACTOR.extract("budget.xlsb", book.build());
        Extracted.segment(doc, SegmentKind.TEXT_BOX, "sheet 预算 text box", Markings.TEXT_BOX_MARK);
        assertTrue(flags(doc, Markings.TEXT_BOX_MARK), Extracted.describe(doc));

        TestXlsb damaged = new TestXlsb();
        damaged.sheet("预算").shared(0, 0, Markings.CELL_MARK)
                .drawing(java.util.Arrays.copyOf(drawing, drawing.length / 2));
        Document partial = EXTRACTOR.extract("budget.xlsb", damaged.build());
        Extracted.segment(partial, SegmentKind.TABLE_CELL, "sheet 预算!A1", Markings.CELL_MARK);
        assertTrue(partial.notes().contains(DAMAGED_DRAWING), partial.notes().toString());

        // The same in xlsx, whose drawings POI would drop with a log line only.
        byte[] xlsx = textBoxWorkbook(Markings.TEXT_BOX_MARK);
        Extracted.segment(EXTRACTOR.extract("budget.xlsx", xlsx), SegmentKind.TEXT_BOX, "sheet 预算 text box",
                Markings.TEXT_BOX_MARK);
        Document damagedXlsx = EXTRACTOR.extract("budget.xlsx", Repack.replace(xlsx, "xl/drawings/drawing1.xml",
                java.util.Arrays.copyOf(drawing, drawing.length / 2)));
        assertTrue(damagedXlsx.notes().contains(DAMAGED_DRAWING), damagedXlsx.notes().toString());
    }

    private static final String DAMAGED_DRAWING =
            "partial: the drawing of sheet 预算 is damaged; only its text boxes before the damage were read";

    private static byte[] textBoxWorkbook(String text) throws Exception {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.xssf.usermodel.XSSFDrawing d = wb.createSheet("预算").createDrawingPatriarch();
            d.createTextbox(new org.apache.poi.xssf.usermodel.XSSFClientAnchor(0, 0, 0, 0, 1, 1, 6, 4))
                    .setText(new org.apache.poi.xssf.usermodel.XSSFRichTextString(text));
            wb.write(out);
            return out.toByteArray();
        }
    }
}
