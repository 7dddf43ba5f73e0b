package org.secrecyguard.extract;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.extractor.Word6Extractor;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.hwpf.usermodel.HeaderStories;
import org.apache.poi.hwpf.usermodel.Notes;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Picture;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.secrecyguard.engine.SegmentKind;

/**
 * Word 97-2003 binaries (doc, dot) and Kingsoft WPS files (.wps, an OLE2 file with a WordDocument
 * stream) with HWPF: body text with field codes stripped, one TABLE_CELL segment per table cell,
 * headers and footers (first/odd/even), footnotes, endnotes, comments, text boxes and pictures.
 * Word 6/95 files are read as plain text with POI's old-format extractor.
 */
final class DocExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(input.bytes()))) {
            HWPFDocument doc;
            try {
                doc = new HWPFDocument(fs.getRoot());
            } catch (OldWordFileFormatException old) {
                try (Word6Extractor w6 = new Word6Extractor(fs.getRoot())) {
                    out.add(w6.getText(), SegmentKind.BODY, "body");
                }
                return;
            }
            body(doc, out);
            headersAndFooters(doc, out);
            notes(doc.getFootnoteRange(), doc.getFootnotes(), "footnote", out);
            notes(doc.getEndnoteRange(), doc.getEndnotes(), "endnote", out);
            perParagraph(doc.getCommentsRange(), SegmentKind.COMMENT, "comment", out);
            perParagraph(doc.getMainTextboxRange(), SegmentKind.TEXT_BOX, "text box", out);
            int n = 0;
            for (Picture picture : doc.getPicturesTable().getAllPictures()) {
                n++;
                out.addImage("image " + n, picture.getContent());
            }
        }
    }

    private static void body(HWPFDocument doc, DocumentCollector out) throws ExtractionException {
        ExtractionContext ctx = out.context();
        Range range = doc.getRange();
        StringBuilder body = new StringBuilder();
        java.util.List<Piece> cells = new java.util.ArrayList<>();
        int tables = 0;
        int count = range.numParagraphs();
        for (int i = 0; i < count; i++) {
            if ((i & 0x3FF) == 0) {
                ctx.checkTime();
                if (out.textFull()) {
                    break;
                }
            }
            Paragraph p = range.getParagraph(i);
            Table table = null;
            if (p.isInTable()) {
                try {
                    table = range.getTable(p);
                } catch (RuntimeException e) {
                    table = null; // damaged table structure: keep its text as body text
                }
            }
            if (table == null) {
                body.append(WordExtractor.stripFields(p.text()));
                continue;
            }
            tables++;
            for (int r = 0; r < table.numRows(); r++) {
                TableRow row = table.getRow(r);
                for (int c = 0; c < row.numCells(); c++) {
                    TableCell cell = row.getCell(c);
                    cells.add(new Piece(WordExtractor.stripFields(cell.text()).strip(), SegmentKind.TABLE_CELL,
                            "table " + tables + " row " + (r + 1) + " col " + (c + 1)));
                }
            }
            i += Math.max(1, table.numParagraphs()) - 1;
        }
        out.add(body.toString(), SegmentKind.BODY, "body");
        for (Piece cell : cells) {
            cell.addTo(out);
        }
    }

    private static void headersAndFooters(HWPFDocument doc, DocumentCollector out) {
        HeaderStories stories = new HeaderStories(doc);
        Set<String> headers = new LinkedHashSet<>();
        headers.add(text(stories.getFirstHeaderSubrange()));
        headers.add(text(stories.getOddHeaderSubrange()));
        headers.add(text(stories.getEvenHeaderSubrange()));
        Set<String> footers = new LinkedHashSet<>();
        footers.add(text(stories.getFirstFooterSubrange()));
        footers.add(text(stories.getOddFooterSubrange()));
        footers.add(text(stories.getEvenFooterSubrange()));
        addAll(headers, SegmentKind.HEADER, "header", out);
        addAll(footers, SegmentKind.FOOTER, "footer", out);
    }

    private static String text(Range range) {
        return range == null ? null : range.text();
    }

    private static void addAll(Set<String> texts, SegmentKind kind, String name, DocumentCollector out) {
        int n = 0;
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            n++;
            out.add(WordExtractor.stripFields(text), kind, n == 1 ? name : name + " " + n);
        }
    }

    /** One FOOTNOTE segment per note, using the note offsets; the whole story if offsets do not fit. */
    private static void notes(Range range, Notes notes, String name, DocumentCollector out) {
        if (range == null) {
            return;
        }
        String text = range.text();
        if (notes == null || notes.getNotesCount() == 0) {
            out.add(WordExtractor.stripFields(text), SegmentKind.FOOTNOTE, name + "s");
            return;
        }
        for (int i = 0; i < notes.getNotesCount(); i++) {
            int start = notes.getNoteTextStartOffset(i);
            int end = notes.getNoteTextEndOffset(i);
            if (start < 0 || end > text.length() || start > end) {
                out.add(WordExtractor.stripFields(text), SegmentKind.FOOTNOTE, name + "s");
                return;
            }
            out.add(WordExtractor.stripFields(text.substring(start, end)).strip(), SegmentKind.FOOTNOTE,
                    name + " " + (i + 1));
        }
    }

    private static void perParagraph(Range range, SegmentKind kind, String name, DocumentCollector out) {
        if (range == null) {
            return;
        }
        int n = 0;
        for (int i = 0; i < range.numParagraphs(); i++) {
            String text = WordExtractor.stripFields(range.getParagraph(i).text()).strip();
            if (!text.isEmpty()) {
                out.add(text, kind, name + " " + ++n);
            }
        }
    }
}
