package org.secrecyguard.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.binary.XSSFBParser;
import org.apache.poi.xssf.binary.XSSFBUtils;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

/**
 * The shared strings of an xlsb workbook (xl/sharedStrings.bin, BrtSstItem records). Unlike POI's
 * XSSFBSharedStringsTable, a table damaged half-way keeps the strings read before the damage, so the
 * cells that use them are still checked; an index past what was read gives an empty string.
 */
final class XlsbStrings implements SharedStrings {
    static final String CONTENT_TYPE = "application/vnd.ms-excel.sharedStrings";
    private static final int BRT_SST_ITEM = 19;
    private static final XSSFRichTextString EMPTY = new XSSFRichTextString("");

    private final List<String> strings = new ArrayList<>();
    private boolean damaged;

    /** Reads the table of {@code pkg}; a workbook without one has no shared strings. */
    static XlsbStrings read(OPCPackage pkg, ExtractionContext ctx) throws IOException {
        XlsbStrings table = new XlsbStrings();
        List<PackagePart> parts = pkg.getPartsByContentType(CONTENT_TYPE);
        if (parts.isEmpty()) {
            return table;
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            new Reader(in, table, ctx).parse();
        } catch (ExtractionAbort a) {
            throw a;
        } catch (IOException | RuntimeException e) { // NOPMD: keep the strings read before the damage
            table.damaged = true;
        }
        return table;
    }

    /** True when the table could not be read to its end. */
    boolean damaged() {
        return damaged;
    }

    int size() {
        return strings.size();
    }

    @Override
    public RichTextString getItemAt(int idx) {
        return idx >= 0 && idx < strings.size() ? new XSSFRichTextString(strings.get(idx)) : EMPTY;
    }

    @Override
    public int getCount() {
        return strings.size();
    }

    @Override
    public int getUniqueCount() {
        return strings.size();
    }

    private static final class Reader extends XSSFBParser {
        private final XlsbStrings table;
        private final ExtractionContext ctx;
        private final StringBuilder sb = new StringBuilder();

        Reader(InputStream in, XlsbStrings table, ExtractionContext ctx) {
            super(in);
            this.table = table;
            this.ctx = ctx;
        }

        @Override
        public void handleRecord(int recordType, byte[] data) {
            if (recordType != BRT_SST_ITEM) {
                return;
            }
            if ((table.strings.size() & 0xFFF) == 0xFFF) {
                ctx.checkTimeUnchecked();
            }
            // RichStr (MS-XLSB 2.5.121): one byte of flags, then the XLWideString; runs and phonetics follow
            sb.setLength(0);
            XSSFBUtils.readXLWideString(data, 1, sb);
            table.strings.add(sb.toString());
        }
    }
}
