package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secrecyguard.extract.Extracted.segment;

import java.math.BigInteger;
import org.apache.poi.hslf.usermodel.HSLFGroupShape;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFTextBox;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.SegmentKind;

/**
 * Places where people put markings that the basic test documents do not have: the first-page header
 * Word uses for a title page, endnotes, a table inside a table, hidden sheets, formula results, and
 * shapes grouped together. Each must come out as text of the right kind.
 */
class MoreStructuresTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();

    @Test
    void docxFirstPageAndEvenPageHeadersAreHeaders() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("正文");
            doc.createHeader(HeaderFooterType.FIRST).createParagraph().createRun().setText("绝密★长期");
            doc.createHeader(HeaderFooterType.EVEN).createParagraph().createRun().setText("秘密★1年");
            doc.createFooter(HeaderFooterType.FIRST).createParagraph().createRun().setText("机密★5年");
            docx = TestDocuments.write(doc::write);
        }
        Document doc = EXTRACTOR.extract("a.docx", docx);
        assertEquals(1, Extracted.all(doc, SegmentKind.HEADER, "绝密★长期").size(), Extracted.describe(doc));
        assertEquals(1, Extracted.all(doc, SegmentKind.HEADER, "秘密★1年").size(), Extracted.describe(doc));
        assertEquals(1, Extracted.all(doc, SegmentKind.FOOTER, "机密★5年").size(), Extracted.describe(doc));
    }

    @Test
    void docxEndnotesAreNotes() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            var p = doc.createParagraph();
            p.createRun().setText("见尾注");
            var note = doc.createEndnote();
            note.createParagraph().createRun().setText("机密★10年");
            p.addFootnoteReference(note);
            docx = TestDocuments.write(doc::write);
        }
        Document doc = EXTRACTOR.extract("a.docx", docx);
        assertEquals(1, Extracted.all(doc, SegmentKind.FOOTNOTE, "机密★10年").size(), Extracted.describe(doc));
    }

    @Test
    void docxTableInsideATableCellIsRead() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFTable outer = doc.createTable(1, 1);
            XWPFTableCell cell = outer.getRow(0).getCell(0);
            cell.setText("外表");
            XWPFTable inner = cell.insertNewTbl(cell.addParagraph().getCTP().newCursor());
            inner.getCTTbl().addNewTblPr();
            var row = inner.createRow();
            row.addNewTableCell().setText("绝密★启用前");
            docx = TestDocuments.write(doc::write);
        }
        Document doc = EXTRACTOR.extract("a.docx", docx);
        assertTrue(doc.segments().stream().anyMatch(s -> s.kind() == SegmentKind.TABLE_CELL && s.text().contains("绝密★启用前")),
                Extracted.describe(doc));
        assertTrue(doc.segments().stream().noneMatch(s -> s.kind() == SegmentKind.BODY && s.text().contains("绝密★启用前")),
                "a nested cell is a cell: " + Extracted.describe(doc));
    }

    @Test
    void docxDeletedTrackedChangeTextIsStillRead() throws Exception {
        // Deleted text stays in the file: whoever opens it with "show markup" sees it.
        String xml = "<w:p xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
                + "<w:del w:id='1' w:author='a' w:date='2026-01-01T00:00:00Z'><w:r><w:delText>机密★1年</w:delText></w:r></w:del>"
                + "<w:ins w:id='2' w:author='a' w:date='2026-01-01T00:00:00Z'><w:r><w:t>公开</w:t></w:r></w:ins></w:p>";
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().getCTP().set(org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP.Factory.parse(xml));
            docx = TestDocuments.write(doc::write);
        }
        Document doc = EXTRACTOR.extract("a.docx", docx);
        assertTrue(doc.segments().stream().anyMatch(s -> s.text().contains("机密★1年")), Extracted.describe(doc));
        assertTrue(doc.segments().stream().anyMatch(s -> s.text().contains("公开")), Extracted.describe(doc));
    }

    @Test
    void xlsxHiddenSheetsFormulaResultsAndInlineStringsAreRead() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet shown = wb.createSheet("封面");
            shown.createRow(0).createCell(0).setCellValue("年度预算");
            XSSFSheet hidden = wb.createSheet("底稿");
            hidden.createRow(2).createCell(3).setCellValue("绝密★长期");
            wb.setSheetHidden(1, true);
            XSSFCell formula = shown.createRow(1).createCell(0);
            formula.setCellFormula("\"机密\"&\"★1年\"");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(formula);
            xlsx = TestDocuments.write(wb::write);
        }
        Document doc = EXTRACTOR.extract("a.xlsx", xlsx);
        segment(doc, SegmentKind.TABLE_CELL, "sheet 底稿!D3", "绝密★长期");
        segment(doc, SegmentKind.TABLE_CELL, "sheet 封面!A2", "机密★1年");
    }

    @Test
    void pptxTextInGroupedShapesIsRead() throws Exception {
        byte[] pptx;
        try (XMLSlideShow show = new XMLSlideShow()) {
            var slide = show.createSlide();
            XSLFGroupShape group = slide.createGroup();
            group.setAnchor(new java.awt.Rectangle(10, 10, 300, 100));
            group.setInteriorAnchor(new java.awt.Rectangle(10, 10, 300, 100));
            XSLFTextBox box = group.createTextBox();
            box.setAnchor(new java.awt.Rectangle(10, 10, 300, 50));
            box.setText("机密★6个月");
            pptx = TestDocuments.write(show::write);
        }
        Document doc = EXTRACTOR.extract("a.pptx", pptx);
        assertTrue(doc.segments().stream().anyMatch(s -> s.where().startsWith("slide 1") && s.text().contains("机密★6个月")),
                Extracted.describe(doc));
    }

    @Test
    void pptTextInGroupedShapesIsRead() throws Exception {
        byte[] ppt;
        try (HSLFSlideShow show = new HSLFSlideShow()) {
            var slide = show.createSlide();
            HSLFGroupShape group = slide.createGroup();
            group.setAnchor(new java.awt.Rectangle(10, 10, 300, 100));
            HSLFTextBox box = group.createTextBox();
            box.setAnchor(new java.awt.Rectangle(10, 10, 300, 50));
            box.setText("机密★6个月");
            ppt = TestDocuments.write(show::write);
        }
        Document doc = EXTRACTOR.extract("a.ppt", ppt);
        assertTrue(doc.segments().stream().anyMatch(s -> s.where().startsWith("slide 1") && s.text().contains("机密★6个月")),
                Extracted.describe(doc));
    }

    @Test
    void docxCommentRepliesAreComments() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("正文");
            var comments = doc.createComments();
            comments.createComment(BigInteger.ONE).createParagraph().createRun().setText("同意");
            comments.createComment(BigInteger.TWO).createParagraph().createRun().setText("请按机密★1年管理");
            docx = TestDocuments.write(doc::write);
        }
        Document doc = EXTRACTOR.extract("a.docx", docx);
        segment(doc, SegmentKind.COMMENT, "comment 2", "机密★1年");
    }
}
