package org.secrecyguard.extract;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Writes the generated test documents, plus a few large ones, into a folder for the extraction
 * benchmark: {@code java -cp … org.secrecyguard.extract.WriteTestCorpus DIR}, then
 * {@code secrecy-guard bench extract DIR} (see docs/benchmarks.md).
 */
public final class WriteTestCorpus {
    private WriteTestCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/extract-corpus");
        Files.createDirectories(dir);
        Files.write(dir.resolve("通知.docx"), TestDocuments.docx());
        Files.write(dir.resolve("通知.doc"), TestWord97.doc());
        Files.write(dir.resolve("预算.xlsx"), TestDocuments.xlsx());
        Files.write(dir.resolve("预算.xls"), TestDocuments.xls());
        Files.write(dir.resolve("汇报.pptx"), TestDocuments.pptx());
        Files.write(dir.resolve("汇报.ppt"), TestDocuments.ppt());
        Files.write(dir.resolve("通知.pdf"), TestDocuments.pdf());
        Files.write(dir.resolve("通知.odt"), TestOpenDocuments.odt());
        Files.write(dir.resolve("预算.ods"), TestOpenDocuments.ods());
        Files.write(dir.resolve("通知.ofd"), TestOpenDocuments.ofd());
        Files.write(dir.resolve("通知.rtf"), TestTextFiles.rtf());
        Files.write(dir.resolve("通知.html"), TestTextFiles.htmlGbk());
        Files.write(dir.resolve("通知.txt"), TestTextFiles.text(TestTextFiles.headText(), TestTextFiles.GBK, false));
        Files.write(dir.resolve("嵌套.zip"), TestDocuments.zip(TestDocuments.entries("a/通知.docx", TestDocuments.docx(),
                "b/预算.xlsx", TestDocuments.xlsx(), "c/通知.pdf", TestDocuments.pdf())));
        Files.write(dir.resolve("large-3000-paragraphs.docx"), largeDocx(3000));
        Files.write(dir.resolve("large-100k-cells.xlsx"), largeXlsx(20_000, 5));
        Files.write(dir.resolve("预算.xlsb"), TestXlsb.simple(Markings.CELL_MARK));
        Files.write(dir.resolve("large-100k-cells.xlsb"), largeXlsb(20_000, 5));
        Files.write(dir.resolve("附图.wmf"), TestMetafiles.wmfWithText(8000, 3000, Markings.FIRST_LINE_MARK, Markings.TITLE));
        Files.write(dir.resolve("扫描件.wmf"), scanWmf());
        Files.write(dir.resolve("large-100-pages.pdf"), largePdf(100));
        Files.write(dir.resolve("large-10MB.txt"), TestTextFiles.text(
                (Markings.PROSE + "\n").repeat(10 * 1024 * 1024 / 100), StandardCharsets.UTF_8, false));
        System.out.println("wrote corpus to " + dir.toAbsolutePath());
    }

    static byte[] largeDocx(int paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            for (int i = 0; i < paragraphs; i++) {
                doc.createParagraph().createRun().setText(i + " " + Markings.PROSE);
                if (i % 100 == 0) {
                    XWPFTable table = doc.createTable(5, 4);
                    table.getRow(2).getCell(1).setText(Markings.CELL_MARK);
                }
            }
            return TestDocuments.write(doc::write);
        }
    }

    static byte[] largeXlsx(int rows, int cols) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = wb.createSheet("数据");
            for (int r = 0; r < rows; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < cols; c++) {
                    if (c == 0) {
                        row.createCell(c).setCellValue("项目" + r);
                    } else {
                        row.createCell(c).setCellValue(r * 10.0 + c);
                    }
                }
            }
            byte[] out = TestDocuments.write(wb::write);
            wb.dispose();
            return out;
        }
    }

    /** {@link #largeXlsx} as an Excel binary workbook: the first column shared strings, the rest numbers. */
    static byte[] largeXlsb(int rows, int cols) {
        TestXlsb book = new TestXlsb();
        TestXlsb.SheetBuilder sheet = book.sheet("数据");
        for (int r = 0; r < rows; r++) {
            sheet.shared(r, 0, "项目" + r);
            for (int c = 1; c < cols; c++) {
                sheet.number(r, c, r * 10.0 + c);
            }
        }
        return book.build();
    }

    /** A WMF that only draws a 1240 × 877 bitmap, as a scan pasted into Word: rendered for OCR. */
    static byte[] scanWmf() {
        BufferedImage page = new BufferedImage(1240, 877, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1240, 877);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 40));
        g.drawString("000123", 120, 140);
        g.dispose();
        return TestMetafiles.wmfWithBitmap(page);
    }

    static byte[] largePdf(int pages) {
        return TestDocuments.pdfTextPages(pages);
    }
}
