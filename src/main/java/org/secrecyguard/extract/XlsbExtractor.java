package org.secrecyguard.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.binary.XSSFBCommentsTable;
import org.apache.poi.xssf.binary.XSSFBStylesTable;
import org.apache.poi.xssf.eventusermodel.XSSFBReader;
import org.secrecyguard.engine.SegmentKind;

/**
 * Excel binary workbooks (.xlsb: the OOXML package with BIFF12 record parts instead of XML), streamed
 * with POI's XSSFB reader: sheet names, cells (shared and inline strings, numbers as Excel formats
 * them), cell comments, sheet headers/footers, text boxes and pictures. Opened through the same zip-bomb
 * and heap checks as xlsx. A damaged sheet, comments part or string table costs only itself: the rest
 * is read and a note says what was not.
 */
final class XlsbExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        ExtractionContext ctx = out.context();
        OPCPackage pkg = OoxmlPackage.open(input.bytes(), ctx);
        try {
            XSSFBReader reader = new XSSFBReader(pkg);
            XlsbStrings strings = XlsbStrings.read(pkg, ctx);
            if (strings.damaged()) {
                out.note(String.format(Locale.ROOT, "partial: the shared strings of the workbook are damaged; "
                        + "only the first %,d were read", strings.size()));
            }
            XSSFBStylesTable styles = styles(pkg, out);
            XSSFBReader.SheetIterator it = (XSSFBReader.SheetIterator) reader.getSheetsData();
            int n = 0;
            try {
                while (it.hasNext() && !out.textFull()) {
                    ctx.checkTime();
                    n++;
                    readSheet(it, n, styles, strings, out);
                }
            } catch (StopReading stop) {
                // text budget used up; the collector notes the cut
            }
            OoxmlPackage.addPicturesAndEmbeddings(pkg, out);
        } finally {
            pkg.revert();
        }
    }

    private static void readSheet(XSSFBReader.SheetIterator it, int n, XSSFBStylesTable styles, XlsbStrings strings,
            DocumentCollector out) throws IOException {
        String sheet = "sheet " + n;
        InputStream in;
        try {
            in = it.next();
            sheet = it.getSheetName() == null ? sheet : it.getSheetName();
        } catch (RuntimeException e) { // NOPMD: a sheet part missing from the package costs only that sheet
            out.note("partial: sheet " + sheet + " is missing from the workbook and was not read");
            return;
        }
        out.add(sheet, SegmentKind.BODY, "sheet " + n + " name");
        SheetCells cells = new SheetCells(sheet, out);
        try (InputStream sheetData = in) {
            XlsbSheetParser parser = new XlsbSheetParser(sheetData, styles, comments(it, sheet, out), strings, cells,
                    out.context());
            parser.parse();
            if (parser.badCells() > 0) {
                out.note(String.format(Locale.ROOT, "partial: %,d cells of sheet %s could not be read",
                        parser.badCells(), sheet));
            }
        } catch (StopReading | ExtractionAbort e) {
            cells.flushExtras();
            throw e;
        } catch (IOException | RuntimeException e) { // NOPMD: one damaged sheet must not cost the others
            out.note("partial: sheet " + sheet + " is damaged; only its cells before the damage were read");
        }
        cells.flushExtras();
        DrawingMlText.readSheetShapes(it.getSheetPart(), sheet, out);
    }

    /** The sheet's comments, or null when it has none or they cannot be read (then noted). */
    private static XSSFBCommentsTable comments(XSSFBReader.SheetIterator it, String sheet, DocumentCollector out) {
        try {
            return it.getXSSFBSheetComments();
        } catch (ExtractionAbort a) {
            throw a;
        } catch (RuntimeException e) { // NOPMD: the cells are still read
            out.note("partial: the comments of sheet " + sheet + " could not be read");
            return null;
        }
    }

    /**
     * The styles table (number formats); an empty one when it is missing or damaged, so numbers are
     * shown as "General" instead of costing their sheet.
     */
    private static XSSFBStylesTable styles(OPCPackage pkg, DocumentCollector out) throws IOException {
        List<PackagePart> parts = pkg.getPartsByContentType("application/vnd.ms-excel.styles");
        if (!parts.isEmpty()) {
            try (InputStream in = parts.get(0).getInputStream()) {
                return new XSSFBStylesTable(in);
            } catch (IOException | RuntimeException e) { // NOPMD: formats only change how numbers look
                out.note("partial: the styles of the workbook could not be read; numbers are shown unformatted");
            }
        }
        return new XSSFBStylesTable(new ByteArrayInputStream(new byte[0]));
    }
}
