package org.secrecyguard.extract;

import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.secrecyguard.engine.SegmentKind;

/**
 * Receives the cells of one sheet from POI's streaming handlers (xlsx SAX, xlsb records): one
 * TABLE_CELL segment per cell, "sheet 预算!B4", its comment, and the sheet's header and footer. Checks
 * the deadline and the text budget every 4,096 cells.
 */
final class SheetCells implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final String sheet;
    private final DocumentCollector out;
    private final ExtractionContext ctx;
    private final StringBuilder headers = new StringBuilder();
    private final StringBuilder footers = new StringBuilder();
    private int count;

    SheetCells(String sheet, DocumentCollector out) {
        this.sheet = sheet;
        this.out = out;
        this.ctx = out.context();
    }

    @Override
    public void startRow(int rowNum) {
    }

    @Override
    public void endRow(int rowNum) {
    }

    @Override
    public void cell(String ref, String value, XSSFComment comment) {
        if ((++count & 0xFFF) == 0) {
            ctx.checkTimeUnchecked();
            if (out.textFull()) {
                throw new StopReading();
            }
        }
        String where = SheetText.cellWhere(sheet, ref);
        out.add(value, SegmentKind.TABLE_CELL, where);
        if (comment != null && comment.getString() != null) {
            out.add(comment.getString().getString(), SegmentKind.COMMENT, where + " comment");
        }
    }

    @Override
    public void headerFooter(String text, boolean isHeader, String tagName) {
        StringBuilder target = isHeader ? headers : footers;
        target.append(SheetText.stripHeaderFooter(text)).append('\n');
    }

    /** Adds the header and footer text gathered while the sheet was read. */
    void flushExtras() {
        out.add(headers.toString().strip(), SegmentKind.HEADER, "sheet " + sheet + " header");
        out.add(footers.toString().strip(), SegmentKind.FOOTER, "sheet " + sheet + " footer");
    }
}
