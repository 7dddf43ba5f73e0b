package org.secrecyguard.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.secrecyguard.engine.SegmentKind;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the text of an OpenDocument content.xml or styles.xml with SAX. Paragraphs and headings keep
 * their line breaks; spans are joined. Segments: body text, TABLE_CELL per cell of a top-level table
 * ("table 1 row 2 col 1" in text documents, "sheet 预算!B4" in spreadsheets, with repeated rows and
 * columns counted but never expanded), TEXT_BOX per text box or shape, FOOTNOTE per note, COMMENT per
 * annotation, BODY per slide ("slide 2") and notes page, and from styles.xml HEADER/FOOTER per master
 * page header or footer.
 */
final class OdfXmlHandler extends DefaultHandler {
    /** The document family decides how tables and pages are named. */
    enum Family { TEXT, SPREADSHEET, PRESENTATION }

    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static final String PRESENTATION = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final int MAX_REPEAT = 1 << 20;

    private final Family family;
    private final boolean stylesPart;
    private final ExtractionContext ctx;
    private final StringBuilder base = new StringBuilder();
    private final List<Piece> pieces = new ArrayList<>();
    private final Deque<Buffer> buffers = new ArrayDeque<>();
    private int depth;
    private int paragraphDepth;
    private int skipCharsDepth;
    private int tableDepth;
    private int tables;
    private String sheetName;
    private long row;
    private long col;
    private long nextRow = 1;
    private int textBoxes;
    private int notes;
    private int comments;
    private int slides;
    private int headers;
    private int footers;
    private int elements;

    private record Buffer(int depth, SegmentKind kind, String where, StringBuilder text) {
    }

    OdfXmlHandler(Family family, boolean stylesPart, ExtractionContext ctx) {
        this.family = family;
        this.stylesPart = stylesPart;
        this.ctx = ctx;
    }

    /** Body text first (text documents only), then the other segments in document order. */
    List<Piece> pieces() {
        List<Piece> all = new ArrayList<>();
        if (!stylesPart && family == Family.TEXT) {
            all.add(new Piece(base.toString(), SegmentKind.BODY, "body"));
        }
        all.addAll(pieces);
        return all;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) {
        if ((++elements & 0xFFF) == 0) {
            ctx.checkTimeUnchecked();
        }
        depth++;
        if (skipCharsDepth > 0) {
            skipCharsDepth++;
            return;
        }
        switch (uri) {
            case TEXT -> text(local, atts);
            case TABLE -> table(local, atts);
            case DRAW -> draw(local, atts);
            case OFFICE -> {
                if (local.equals("annotation")) {
                    push(SegmentKind.COMMENT, "comment " + ++comments);
                }
            }
            case STYLE -> {
                if (stylesPart && local.startsWith("header") && !local.contains("style")) {
                    headers++;
                    push(SegmentKind.HEADER, headers == 1 ? "header" : "header " + headers);
                } else if (stylesPart && local.startsWith("footer") && !local.contains("style")) {
                    footers++;
                    push(SegmentKind.FOOTER, footers == 1 ? "footer" : "footer " + footers);
                } else if (local.startsWith("region-")) {
                    current().append('\n');
                }
            }
            case DC -> skipCharsDepth = 1; // annotation author and date
            case PRESENTATION -> {
                if (local.equals("notes") && family == Family.PRESENTATION) {
                    push(SegmentKind.BODY, "slide " + slides + " notes");
                }
            }
            default -> { }
        }
    }

    private void text(String local, Attributes atts) {
        switch (local) {
            case "p", "h" -> paragraphDepth++;
            case "s" -> current().append(" ".repeat((int) Math.min(64, count(atts, "c"))));
            case "tab" -> current().append('\t');
            case "line-break" -> current().append('\n');
            case "note-citation", "tracked-changes", "sequence-decls", "variable-decls", "user-field-decls" -> skipCharsDepth = 1;
            case "note" -> {
                String cls = attribute(atts, "note-class");
                push(SegmentKind.FOOTNOTE, ("endnote".equals(cls) ? "endnote " : "footnote ") + ++notes);
            }
            default -> { }
        }
    }

    private void table(String local, Attributes atts) {
        switch (local) {
            case "table" -> {
                tableDepth++;
                if (tableDepth == 1 && !inNestedFlow()) {
                    tables++;
                    sheetName = attribute(atts, "name");
                    nextRow = 1;
                }
            }
            case "table-row" -> {
                if (tableDepth == 1) {
                    row = nextRow;
                    nextRow += Math.min(MAX_REPEAT, count(atts, "number-rows-repeated"));
                    col = 0;
                }
            }
            case "table-cell", "covered-table-cell" -> {
                if (tableDepth == 1) {
                    col++;
                    if (!inNestedFlow()) {
                        push(SegmentKind.TABLE_CELL, cellWhere());
                    }
                    // repeated columns advance the counter once the cell ends (see endElement)
                    pendingColumnRepeat = Math.min(MAX_REPEAT, count(atts, "number-columns-repeated")) - 1;
                } else {
                    current().append('\t');
                }
            }
            default -> { }
        }
    }

    private long pendingColumnRepeat;

    private void draw(String local, Attributes atts) {
        switch (local) {
            case "page" -> {
                if (family == Family.PRESENTATION && !stylesPart) {
                    slides++;
                    push(SegmentKind.BODY, "slide " + slides);
                }
            }
            case "text-box", "custom-shape" -> {
                if (family != Family.PRESENTATION) {
                    push(SegmentKind.TEXT_BOX, "text box " + ++textBoxes);
                } else if (frameClass == null || frameClass.isEmpty()) {
                    // Placeholders (title, outline) are slide body text; on master pages they are prompts.
                    push(SegmentKind.TEXT_BOX, stylesPart ? "master page text box" : "slide " + slides + " text box");
                }
            }
            case "frame" -> frameClass = attribute(atts, "class");
            default -> { }
        }
    }

    private String frameClass;

    private String cellWhere() {
        if (family == Family.SPREADSHEET && sheetName != null) {
            return SheetText.cellWhere(sheetName, columnName(col) + row);
        }
        return "table " + tables + " row " + row + " col " + col;
    }

    static String columnName(long col) {
        StringBuilder sb = new StringBuilder();
        long c = col;
        while (c > 0) {
            long rem = (c - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.toString();
    }

    @Override
    public void endElement(String uri, String local, String qName) {
        int closing = depth--;
        if (skipCharsDepth > 0) {
            skipCharsDepth--;
            if (skipCharsDepth > 0) {
                return;
            }
        }
        if (TEXT.equals(uri) && (local.equals("p") || local.equals("h"))) {
            paragraphDepth = Math.max(0, paragraphDepth - 1);
            current().append('\n');
        } else if (TABLE.equals(uri)) {
            if (local.equals("table")) {
                tableDepth = Math.max(0, tableDepth - 1);
            } else if (tableDepth == 1 && (local.equals("table-cell") || local.equals("covered-table-cell"))) {
                col += pendingColumnRepeat;
                pendingColumnRepeat = 0;
            }
        } else if (DRAW.equals(uri) && local.equals("frame")) {
            frameClass = null;
        }
        Buffer top = buffers.peek();
        if (top != null && top.depth() == closing) {
            buffers.pop();
            pieces.add(new Piece(top.text().toString().strip(), top.kind(), top.where()));
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (skipCharsDepth == 0 && paragraphDepth > 0) {
            current().append(ch, start, length);
        }
    }

    /** True inside a text box, note or comment: tables there are part of that text, not numbered. */
    private boolean inNestedFlow() {
        for (Buffer b : buffers) {
            if (b.kind() != SegmentKind.TABLE_CELL && !(family == Family.PRESENTATION && b.kind() == SegmentKind.BODY)) {
                return true;
            }
        }
        return false;
    }

    private void push(SegmentKind kind, String where) {
        buffers.push(new Buffer(depth, kind, where, new StringBuilder()));
    }

    private StringBuilder current() {
        Buffer top = buffers.peek();
        return top == null ? base : top.text();
    }

    private static long count(Attributes atts, String local) {
        String v = attribute(atts, local);
        if (v == null) {
            return 1;
        }
        try {
            return Math.max(1, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String attribute(Attributes atts, String local) {
        for (int i = 0; i < atts.getLength(); i++) {
            if (local.equals(atts.getLocalName(i))) {
                return atts.getValue(i);
            }
        }
        return null;
    }
}
