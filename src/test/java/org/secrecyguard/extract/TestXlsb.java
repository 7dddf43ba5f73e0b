package org.secrecyguard.extract;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes .xlsb workbooks from the BIFF12 records documented in [MS-XLSB]: neither LibreOffice nor POI
 * can write the format and no workbook from Excel itself is available here, so the tests build one
 * record by record. Records are a 1–2 byte id and a 1–4 byte size (7 bits per byte, high bit = more),
 * then the payload; strings are XLWideString (a 4-byte character count, then UTF-16LE).
 *
 * <p>{@link #parts()} gives the package parts by name, so a test can damage one before {@link #zip}.
 */
final class TestXlsb {
    // record ids, [MS-XLSB] 2.3.2
    static final int ROW_HDR = 0;
    static final int CELL_REAL = 5;
    static final int CELL_ST = 6;
    static final int CELL_ISST = 7;
    static final int SST_ITEM = 19;
    static final int XF = 47;
    static final int CELL_RSTRING = 62;
    static final int BEGIN_SHEET = 129;
    static final int END_SHEET = 130;
    static final int BEGIN_BOOK = 131;
    static final int END_BOOK = 132;
    static final int BEGIN_BUNDLE_SHS = 143;
    static final int END_BUNDLE_SHS = 144;
    static final int BEGIN_SHEET_DATA = 145;
    static final int END_SHEET_DATA = 146;
    static final int BUNDLE_SH = 156;
    static final int BEGIN_SST = 159;
    static final int END_SST = 160;
    static final int BEGIN_HEADER_FOOTER = 479;
    static final int END_HEADER_FOOTER = 480;
    static final int BEGIN_CELL_XFS = 617;
    static final int END_CELL_XFS = 618;
    static final int BEGIN_COMMENTS = 628;
    static final int END_COMMENTS = 629;
    static final int BEGIN_COMMENT_AUTHORS = 630;
    static final int END_COMMENT_AUTHORS = 631;
    static final int COMMENT_AUTHOR = 632;
    static final int BEGIN_COMMENT_LIST = 633;
    static final int END_COMMENT_LIST = 634;
    static final int BEGIN_COMMENT = 635;
    static final int END_COMMENT = 636;
    static final int COMMENT_TEXT = 637;

    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private final List<String> strings = new ArrayList<>();
    private final List<SheetBuilder> sheets = new ArrayList<>();
    private boolean styles = true;

    /** Adds a sheet; its cells are added on the returned builder. */
    SheetBuilder sheet(String name) {
        SheetBuilder s = new SheetBuilder(name);
        sheets.add(s);
        return s;
    }

    /** Leaves out xl/styles.bin (numbers then have no format to look up). */
    TestXlsb withoutStyles() {
        styles = false;
        return this;
    }

    /** A workbook with one sheet "预算" and a marking in a shared string. */
    static byte[] simple(String cellText) {
        TestXlsb book = new TestXlsb();
        book.sheet("预算").shared(0, 0, cellText);
        return book.build();
    }

    byte[] build() {
        return TestDocuments.zip(parts());
    }

    /** The package parts, in zip order. */
    Map<String, byte[]> parts() {
        Map<String, byte[]> p = new LinkedHashMap<>();
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-excel.sheet.binary.macroEnabled.main\"/>"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        StringBuilder bookRels = new StringBuilder(relsStart());
        Records book = new Records().add(BEGIN_BOOK).add(BEGIN_BUNDLE_SHS);
        for (int i = 0; i < sheets.size(); i++) {
            int n = i + 1;
            SheetBuilder s = sheets.get(i);
            book.add(BUNDLE_SH, new Bytes().i32(0).i32(n).str("rId" + n).str(s.name).array());
            bookRels.append(rel("rId" + n, "worksheet", "worksheets/sheet" + n + ".bin"));
            types.append(override("/xl/worksheets/sheet" + n + ".bin", "application/vnd.ms-excel.worksheet"));
            p.put("xl/worksheets/sheet" + n + ".bin", s.sheetRecords());
            StringBuilder sheetRels = new StringBuilder();
            if (!s.comments.isEmpty()) {
                sheetRels.append(rel("rId1", "comments", "../comments" + n + ".bin"));
                p.put("xl/comments" + n + ".bin", s.commentRecords());
                types.append(override("/xl/comments" + n + ".bin", "application/vnd.ms-excel.comments"));
            }
            if (s.drawing != null) {
                // Drawings stay DrawingML (XML) in a binary workbook, as in xlsx.
                sheetRels.append(rel("rId2", "drawing", "../drawings/drawing" + n + ".xml"));
                p.put("xl/drawings/drawing" + n + ".xml", s.drawing);
                types.append(override("/xl/drawings/drawing" + n + ".xml", "application/vnd.openxmlformats-officedocument.drawing+xml"));
            }
            if (sheetRels.length() > 0) {
                p.put("xl/worksheets/_rels/sheet" + n + ".bin.rels",
                        (relsStart() + sheetRels + "</Relationships>").getBytes(StandardCharsets.UTF_8));
            }
        }
        book.add(END_BUNDLE_SHS).add(END_BOOK);
        p.put("xl/workbook.bin", book.array());
        int next = sheets.size() + 1;
        Records sst = new Records().add(BEGIN_SST, new Bytes().i32(strings.size()).i32(strings.size()).array());
        for (String s : strings) {
            sst.add(SST_ITEM, new Bytes().u8(0).str(s).array());
        }
        p.put("xl/sharedStrings.bin", sst.add(END_SST).array());
        bookRels.append(rel("rId" + next++, "sharedStrings", "sharedStrings.bin"));
        types.append(override("/xl/sharedStrings.bin", "application/vnd.ms-excel.sharedStrings"));
        if (styles) {
            // one cell format (BrtXf, 2.4.812): parent, number format 0 = General, font, fill, border, …
            byte[] xf = new Bytes().i16(0xFFFF).i16(0).i16(0).i16(0).i16(0).u8(0).u8(0).i16(0).u8(0).u8(0).array();
            p.put("xl/styles.bin", new Records().add(BEGIN_CELL_XFS, new Bytes().i32(1).array()).add(XF, xf)
                    .add(END_CELL_XFS).array());
            bookRels.append(rel("rId" + next, "styles", "styles.bin"));
            types.append(override("/xl/styles.bin", "application/vnd.ms-excel.styles"));
        }
        p.put("xl/_rels/workbook.bin.rels", (bookRels + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        p.put("_rels/.rels", (relsStart() + rel("rId1", "officeDocument", "xl/workbook.bin") + "</Relationships>")
                .getBytes(StandardCharsets.UTF_8));
        types.append(override("/xl/workbook.bin", "application/vnd.ms-excel.sheet.binary.macroEnabled.main"));
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        ordered.put("[Content_Types].xml", (types + "</Types>").getBytes(StandardCharsets.UTF_8));
        ordered.putAll(p);
        return ordered;
    }

    private static String relsStart() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    }

    private static String rel(String id, String type, String target) {
        return "<Relationship Id=\"" + id + "\" Type=\"" + REL + type + "\" Target=\"" + target + "\"/>";
    }

    private static String override(String part, String type) {
        return "<Override PartName=\"" + part + "\" ContentType=\"" + type + "\"/>";
    }

    /** One sheet: cells by row and column, header/footer, comments. */
    final class SheetBuilder {
        private final String name;
        private final TreeMap<Integer, TreeMap<Integer, Cell>> rows = new TreeMap<>();
        private final List<String[]> comments = new ArrayList<>();
        private String header;
        private String footer;
        private byte[] drawing;

        private SheetBuilder(String name) {
            this.name = name;
        }

        /** A cell holding a shared string (BrtCellIsst). */
        SheetBuilder shared(int row, int col, String text) {
            int index = strings.indexOf(text);
            if (index < 0) {
                strings.add(text);
                index = strings.size() - 1;
            }
            return cell(row, col, CELL_ISST, new Bytes().i32(index).array());
        }

        /** A cell holding an inline string (BrtCellSt). */
        SheetBuilder inline(int row, int col, String text) {
            return cell(row, col, CELL_ST, new Bytes().str(text).array());
        }

        /** A cell holding an inline rich-text string (BrtCellRString) without formatting runs. */
        SheetBuilder rich(int row, int col, String text) {
            return cell(row, col, CELL_RSTRING, new Bytes().u8(0).str(text).array());
        }

        /** A number cell (BrtCellReal). */
        SheetBuilder number(int row, int col, double value) {
            return cell(row, col, CELL_REAL, new Bytes().f64(value).array());
        }

        /** A cell referring to shared string {@code index}, which need not exist. */
        SheetBuilder sharedIndex(int row, int col, int index) {
            return cell(row, col, CELL_ISST, new Bytes().i32(index).array());
        }

        /** Header and footer in Excel's "&L…&C…" code, as BrtBeginHeaderFooter. */
        SheetBuilder headerFooter(String headerCode, String footerCode) {
            header = headerCode;
            footer = footerCode;
            return this;
        }

        /** A comment on a cell (its own part, xl/commentsN.bin). */
        /** The sheet's drawing part (DrawingML XML: text boxes, shapes). */
        SheetBuilder drawing(byte[] drawingXml) {
            drawing = drawingXml;
            return this;
        }

        SheetBuilder comment(int row, int col, String author, String text) {
            comments.add(new String[] {String.valueOf(row), String.valueOf(col), author, text});
            return this;
        }

        private SheetBuilder cell(int row, int col, int id, byte[] value) {
            // cell header (2.5.9 Cell): column, then a 24-bit style index and 8 bits of flags
            rows.computeIfAbsent(row, r -> new TreeMap<>()).put(col, new Cell(id, new Bytes().i32(col).i32(0).raw(value).array()));
            return this;
        }

        byte[] sheetRecords() {
            Records r = new Records().add(BEGIN_SHEET).add(BEGIN_SHEET_DATA);
            for (Map.Entry<Integer, TreeMap<Integer, Cell>> row : rows.entrySet()) {
                // BrtRowHdr (2.4.726): row, style, height (twips), flags, then no column spans
                r.add(ROW_HDR, new Bytes().i32(row.getKey()).i32(0).i16(300).u8(0).u8(0).u8(0).i32(0).array());
                for (Cell cell : row.getValue().values()) {
                    r.add(cell.id(), cell.payload());
                }
            }
            r.add(END_SHEET_DATA);
            if (header != null || footer != null) {
                r.add(BEGIN_HEADER_FOOTER, new Bytes().i16(0).nullableStr(header).nullableStr(footer)
                        .nullableStr(null).nullableStr(null).nullableStr(null).nullableStr(null).array());
                r.add(END_HEADER_FOOTER);
            }
            return r.add(END_SHEET).array();
        }

        byte[] commentRecords() {
            List<String> authors = new ArrayList<>();
            for (String[] c : comments) {
                if (!authors.contains(c[2])) {
                    authors.add(c[2]);
                }
            }
            Records r = new Records().add(BEGIN_COMMENTS).add(BEGIN_COMMENT_AUTHORS);
            for (String a : authors) {
                r.add(COMMENT_AUTHOR, new Bytes().str(a).array());
            }
            r.add(END_COMMENT_AUTHORS).add(BEGIN_COMMENT_LIST);
            for (String[] c : comments) {
                int row = Integer.parseInt(c[0]);
                int col = Integer.parseInt(c[1]);
                // BrtBeginComment (2.4.28): author index, the cell as a range, a GUID
                r.add(BEGIN_COMMENT, new Bytes().i32(authors.indexOf(c[2])).i32(row).i32(row).i32(col).i32(col)
                        .raw(new byte[16]).array());
                r.add(COMMENT_TEXT, new Bytes().u8(0).str(c[3]).array());
                r.add(END_COMMENT);
            }
            return r.add(END_COMMENT_LIST).add(END_COMMENTS).array();
        }
    }

    private record Cell(int id, byte[] payload) {
    }

    /** A stream of BIFF12 records. */
    static final class Records {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Records add(int id) {
            return add(id, new byte[0]);
        }

        Records add(int id, byte[] payload) {
            // record type: 7 bits per byte, high bit set when a second byte follows
            if (id < 0x80) {
                out.write(id);
            } else {
                out.write((id & 0x7F) | 0x80);
                out.write(id >> 7);
            }
            int size = payload.length;
            do {
                int b = size & 0x7F;
                size >>>= 7;
                out.write(size > 0 ? b | 0x80 : b);
            } while (size > 0);
            out.writeBytes(payload);
            return this;
        }

        byte[] array() {
            return out.toByteArray();
        }
    }

    /** Little-endian payload builder. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes i16(int v) {
            out.write(v & 0xFF);
            out.write(v >> 8 & 0xFF);
            return this;
        }

        Bytes i32(int v) {
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
            return this;
        }

        Bytes f64(double v) {
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(v).array());
            return this;
        }

        /** XLWideString: character count, then UTF-16LE. */
        Bytes str(String s) {
            i32(s.length());
            out.writeBytes(s.getBytes(StandardCharsets.UTF_16LE));
            return this;
        }

        /** XLNullableWideString: 0xFFFFFFFF for null. */
        Bytes nullableStr(String s) {
            return s == null ? i32(-1) : str(s);
        }

        Bytes raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        byte[] array() {
            return out.toByteArray();
        }
    }
}
