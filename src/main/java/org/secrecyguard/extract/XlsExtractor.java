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
        ExtractionContext ctx = out.context();
        DataFormatter formatter = new DataFormatter();
        for (int s = 0; s < wb.getNumberOfSheets() && !out.textFull(); s++) {
            HSSFSheet sheet = wb.getSheetAt(s);
            String name = sheet.getSheetName();
            headerFooter(sheet.getHeader(), SegmentKind.HEADER, "sheet " + name + " header", out);
            headerFooter(sheet.getFooter(), SegmentKind.FOOTER, "sheet " + name + " footer", out);
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
                    out.add(value(cell, formatter), SegmentKind.TABLE_CELL, where);
                    Comment comment = cell.getCellComment();
                    if (comment != null && comment.getString() != null) {
                        out.add(comment.getString().getString(), SegmentKind.COMMENT, where + " comment");
                    }
                }
            }
            HSSFPatriarch drawing = sheet.getDrawingPatriarch();
            if (drawing != null) {
                shapes(drawing, "sheet " + name + " text box", out);
            }
        }
        int n = 0;
        for (HSSFPictureData picture : wb.getAllPictures()) {
            n++;
            out.addImage("image " + n, picture.getData());
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
