package org.secrecyguard.extract;

import java.io.ByteArrayInputStream;
import org.apache.poi.hssf.extractor.OldExcelExtractor;
import org.apache.poi.hssf.usermodel.HSSFComment;
import org.apache.poi.hssf.usermodel.HSSFPatriarch;
import org.apache.poi.hssf.usermodel.HSSFPictureData;
import org.apache.poi.hssf.usermodel.HSSFShape;
import org.apache.poi.hssf.usermodel.HSSFShapeContainer;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFSimpleShape;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.HeaderFooter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.secrecyguard.engine.SegmentKind;

/**
 * Excel 97-2003 workbooks (xls; Kingsoft .et) with HSSF: one TABLE_CELL segment per non-empty cell
 * ("sheet 预算!B4", formulas by their cached value), cell comments, sheet headers/footers, text boxes,
 * pictures. Excel 5/95 workbooks are read as plain text with POI's old-format extractor.
 */
final class XlsExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(input.bytes()))) {
            if (!fs.getRoot().hasEntryCaseInsensitive("Workbook")) {
                try (OldExcelExtractor old = new OldExcelExtractor(fs)) {
                    out.add(old.getText(), SegmentKind.BODY, "body");
                }
                return;
            }
            try (HSSFWorkbook wb = new HSSFWorkbook(fs.getRoot(), true)) {
                readWorkbook(wb, out);
            }
        }
    }

    private static void readWorkbook(HSSFWorkbook wb, DocumentCollector out) throws ExtractionException {
        for (int s = 0; s < wb.getNumberOfSheets() && !out.textFull(); s++) {
            String name = "sheet " + (s + 1);
            try {
                HSSFSheet sheet = wb.getSheetAt(s);
                name = sheet.getSheetName();
                readSheet(sheet, name, out);
            } catch (ExtractionException | ExtractionAbort e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) { // NOPMD: one damaged sheet must not cost the others
                out.note("partial: sheet " + name + " could not be read to the end");
            }
        }
        try {
            int n = 0;
            for (HSSFPictureData picture : wb.getAllPictures()) {
                n++;
                out.addImage("image " + n, picture.getData());
            }
        } catch (ExtractionAbort a) {
            throw a;
        } catch (RuntimeException | StackOverflowError e) { // NOPMD: pictures are read after all the text
            out.note("partial: the pictures of the workbook could not be read");
        }
    }

    /**
     * One sheet's cells, comments, header/footer and text boxes. Comments and shapes live in the sheet's
     * drawing records, which real-world files damage most often (and which POI parses only when asked):
     * when they fail, the cells are still read and a note says what was not.
     */
    private static void readSheet(HSSFSheet sheet, String name, DocumentCollector out) throws ExtractionException {
        ExtractionContext ctx = out.context();
        DataFormatter formatter = new DataFormatter();
        try {
            headerFooter(sheet.getHeader(), SegmentKind.HEADER, "sheet " + name + " header", out);
            headerFooter(sheet.getFooter(), SegmentKind.FOOTER, "sheet " + name + " footer", out);
        } catch (ExtractionAbort a) {
            throw a;
        } catch (RuntimeException e) {
            out.note("partial: the header/footer of sheet " + name + " could not be read");
        }
        boolean comments = true;
        int count = 0;
        for (Row row : sheet) {
            for (Cell cell : row) {
                if ((++count & 0xFFF) == 0) {
                    ctx.checkTime();
                    if (out.textFull()) {
                        return;
                    }
                }
                String where = SheetText.cellWhere(name, new CellReference(cell).formatAsString(false));
                try {
                    out.add(value(cell, formatter), SegmentKind.TABLE_CELL, where);
                } catch (ExtractionAbort a) {
                    throw a;
                } catch (RuntimeException e) {
                    out.note("partial: cell " + where + " could not be read");
                }
                if (comments) {
                    try {
                        Comment comment = cell.getCellComment();
                        if (comment != null && comment.getString() != null) {
                            out.add(comment.getString().getString(), SegmentKind.COMMENT, where + " comment");
                        }
                    } catch (ExtractionAbort a) {
                        throw a;
                    } catch (RuntimeException | StackOverflowError e) { // NOPMD: see above
                        comments = false;
                        out.note("partial: the comments of sheet " + name + " could not be read");
                    }
                }
            }
        }
        try {
            HSSFPatriarch drawing = sheet.getDrawingPatriarch();
            if (drawing != null) {
                shapes(drawing, "sheet " + name + " text box", out);
            }
        } catch (ExtractionAbort a) {
            throw a;
        } catch (RuntimeException | StackOverflowError e) { // NOPMD: see above
            out.note("partial: the text boxes and drawings of sheet " + name + " could not be read");
        }
    }

    private static String value(Cell cell, DataFormatter formatter) {
        if (cell.getCellType() != CellType.FORMULA) {
            return formatter.formatCellValue(cell);
        }
        return switch (cell.getCachedFormulaResultType()) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> formatter.formatRawCellContents(cell.getNumericCellValue(),
                    cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue()).toUpperCase(java.util.Locale.ROOT);
            default -> "";
        };
    }

    private static void headerFooter(HeaderFooter hf, SegmentKind kind, String where, DocumentCollector out) {
        if (hf == null) {
            return;
        }
        String text = String.join("\n", SheetText.stripHeaderFooter(hf.getLeft()),
                SheetText.stripHeaderFooter(hf.getCenter()), SheetText.stripHeaderFooter(hf.getRight()));
        out.add(text.strip(), kind, where);
    }

    private static void shapes(HSSFShapeContainer container, String where, DocumentCollector out) {
        for (HSSFShape shape : container.getChildren()) {
            if (shape instanceof HSSFComment) {
                continue; // cell comments are read with their cells
            }
            if (shape instanceof HSSFSimpleShape simple && simple.getString() != null) {
                out.add(simple.getString().getString(), SegmentKind.TEXT_BOX, where);
            }
            if (shape instanceof HSSFShapeContainer group) {
                shapes(group, where, out);
            }
        }
    }
}
