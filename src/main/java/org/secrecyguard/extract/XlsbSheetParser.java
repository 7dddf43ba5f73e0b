package org.secrecyguard.extract;

import java.io.InputStream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.util.LittleEndian;
import org.apache.poi.xssf.binary.XSSFBCommentsTable;
import org.apache.poi.xssf.binary.XSSFBSheetHandler;
import org.apache.poi.xssf.binary.XSSFBStylesTable;
import org.apache.poi.xssf.binary.XSSFBUtils;
import org.apache.poi.xssf.model.SharedStrings;

/**
 * POI's xlsb sheet reader with two additions: rich-text inline strings (BrtCellRString), which POI
 * skips, are read too; and a cell record POI cannot decode (a style index past the styles table, a
 * string longer than its record) costs only that cell, counted in {@link #badCells()}.
 */
final class XlsbSheetParser extends XSSFBSheetHandler {
    private static final int BRT_ROW_HDR = 0;
    private static final int BRT_CELL_RSTRING = 62;
    private static final int BRT_CELL_BLANK = 1;
    private static final int BRT_CELL_RK = 2;
    private static final int BRT_CELL_REAL = 5;
    private static final int BRT_FMLA_NUM = 9;
    private static final int BRT_FMLA_ERROR = 11;
    private static final int CELL_HEADER = 8;

    private final SheetCells cells;
    private final ExtractionContext ctx;
    private final DataFormatter formatter = new DataFormatter();
    private final StringBuilder sb = new StringBuilder();
    private int row;
    private int badCells;
    private int records;

    XlsbSheetParser(InputStream in, XSSFBStylesTable styles, XSSFBCommentsTable comments, SharedStrings strings,
            SheetCells cells, ExtractionContext ctx) {
        super(in, styles, comments, strings, cells, new DataFormatter(), false);
        this.cells = cells;
        this.ctx = ctx;
    }

    int badCells() {
        return badCells;
    }

    @Override
    public void handleRecord(int id, byte[] data) {
        if ((++records & 0xFFFF) == 0) {
            ctx.checkTimeUnchecked(); // sheets of non-cell records never reach the cells' own check
        }
        if (id == BRT_ROW_HDR && data.length >= 4) {
            row = (int) Math.min(Integer.MAX_VALUE, LittleEndian.getUInt(data, 0));
        }
        if (id == BRT_CELL_RSTRING) {
            richStringCell(data);
            return;
        }
        if (id < BRT_CELL_BLANK || id > BRT_FMLA_ERROR) {
            super.handleRecord(id, data);
            return;
        }
        try {
            super.handleRecord(id, data);
        } catch (StopReading | ExtractionAbort e) {
            throw e;
        } catch (RuntimeException e) { // NOPMD: one undecodable cell must not end the sheet
            if (!plainNumber(id, data)) {
                badCells++;
            }
        }
    }

    /**
     * A number whose style POI cannot find (styles part missing or damaged) is still a value: shown as
     * Excel's "General" format would. False when the record is not a readable number.
     */
    private boolean plainNumber(int id, byte[] data) {
        if (data.length < CELL_HEADER + 4) {
            return false;
        }
        double value;
        if (id == BRT_CELL_RK) {
            value = rk(LittleEndian.getInt(data, CELL_HEADER));
        } else if ((id == BRT_CELL_REAL || id == BRT_FMLA_NUM) && data.length >= CELL_HEADER + 8) {
            value = LittleEndian.getDouble(data, CELL_HEADER);
        } else {
            return false;
        }
        int col = (int) LittleEndian.getUInt(data, 0);
        cells.cell(new CellAddress(row, col).formatAsString(), formatter.formatRawCellContents(value, 0, "General"), null);
        return true;
    }

    /** RkNumber (MS-XLSB 2.5.122): bit 0 divides by 100, bit 1 marks a 30-bit integer, else the top of a double. */
    static double rk(int raw) {
        double v = (raw & 2) != 0 ? (double) (raw >> 2) : Double.longBitsToDouble(((long) (raw & 0xFFFFFFFC)) << 32);
        return (raw & 1) != 0 ? v / 100 : v;
    }

    /** BrtCellRString (MS-XLSB 2.4.316): a cell header, then a RichStr whose text follows one flag byte. */
    private void richStringCell(byte[] data) {
        try {
            int col = (int) LittleEndian.getUInt(data, 0);
            sb.setLength(0);
            XSSFBUtils.readXLWideString(data, CELL_HEADER + 1, sb);
            cells.cell(new CellAddress(row, col).formatAsString(), sb.toString(), null);
        } catch (StopReading | ExtractionAbort e) {
            throw e;
        } catch (RuntimeException e) { // NOPMD: see handleRecord
            badCells++;
        }
    }
}
