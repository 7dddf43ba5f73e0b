package org.secrecyguard.extract;

import java.io.InputStream;
import java.util.Iterator;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;

/**
 * Excel 2007+ workbooks, streamed with POI's event API (a sheet of a million cells never becomes a
 * million objects): one TABLE_CELL segment per non-empty cell, "sheet 预算!B4", with the formatted value
 * as Excel shows it; cell comments, sheet headers/footers and text boxes on sheets; pictures.
 */
final class XlsxExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        ExtractionContext ctx = out.context();
        OPCPackage pkg = OoxmlPackage.open(input.bytes(), ctx);
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            DataFormatter formatter = new DataFormatter();
            Iterator<InputStream> sheets = reader.getSheetsData();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) sheets;
            try {
                while (it.hasNext() && !out.textFull()) {
                    ctx.checkTime();
                    byte[] sheetXml;
                    try (InputStream in = it.next()) {
                        sheetXml = in.readAllBytes();
                    }
                    String sheet = it.getSheetName();
                    SheetCells cells = new SheetCells(sheet, out);
                    XSSFSheetXMLHandler handler = new XSSFSheetXMLHandler(styles, it.getSheetComments(), strings, cells,
                            formatter, false);
                    try {
                        SecureXml.parse(sheetXml, handler);
                    } catch (org.xml.sax.SAXException e) {
                        // one damaged sheet: keep its cells before the damage and read the other sheets
                        out.note("partial: sheet " + sheet + " is damaged; only its cells before the damage were read");
                    }
                    cells.flushExtras();
                    DrawingMlText.readSheetShapes(it.getSheetPart(), sheet, out);
                }
            } catch (StopReading stop) {
                // text budget used up; the collector notes the cut
            }
            OoxmlPackage.addPicturesAndEmbeddings(pkg, out);
        } finally {
            pkg.revert();
        }
    }
}
