package org.secrecyguard.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.secrecyguard.engine.SegmentKind;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the text of one WordprocessingML part (document, header, footer, footnotes, endnotes,
 * comments) with SAX, by local name so that Word 2007+ (transitional and strict) and Word 2003 XML are
 * read alike. Runs are joined within a paragraph, so a marking typed one character per run comes out
 * whole. Each cell of a top-level table, each text box ({@code w:txbxContent}, from VML or DrawingML)
 * and each footnote or comment becomes its own segment. The {@code mc:Fallback} copy of a drawing is
 * skipped, so a text box is not reported twice. Deleted text ({@code w:delText}) is kept: it is still
 * in the file.
 */
final class WordXmlHandler extends DefaultHandler {
    /** Which part is being read; decides the kind of text outside tables, text boxes and notes. */
    enum Part { BODY, HEADER, FOOTER, NOTES, COMMENTS }

    /** Numbering shared by all parts of one document. */
    static final class Counters {
        int tables;
        int textBoxes;
        int footnotes;
        int endnotes;
        int comments;
    }

    private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private final Part part;
    private final SegmentKind baseKind;
    private final String baseWhere;
    private final Counters counters;
    private final ExtractionContext ctx;
    private final StringBuilder base = new StringBuilder();
    private final List<Piece> pieces = new ArrayList<>();
    private final Deque<Buffer> buffers = new ArrayDeque<>();
    private int fallbackDepth;
    private int runDepth;
    private int textDepth;
    private int tableDepth;
    private int row;
    private int col;
    private int tableNumber;
    private int elements;
    private int depth;

    private static final class Buffer {
        final int depth;
        final SegmentKind kind;
        final String where;
        final StringBuilder text = new StringBuilder();
        final boolean discard;

        Buffer(int depth, SegmentKind kind, String where, boolean discard) {
            this.depth = depth;
            this.kind = kind;
            this.where = where;
            this.discard = discard;
        }
    }

    WordXmlHandler(Part part, SegmentKind baseKind, String baseWhere, Counters counters, ExtractionContext ctx) {
        this.part = part;
        this.baseKind = baseKind;
        this.baseWhere = baseWhere;
        this.counters = counters;
        this.ctx = ctx;
    }

    /** The part's own text first, then tables, text boxes, notes and comments in document order. */
    List<Piece> pieces() {
        List<Piece> all = new ArrayList<>(pieces.size() + 1);
        if (part == Part.BODY || part == Part.HEADER || part == Part.FOOTER) {
            all.add(new Piece(base.toString(), baseKind, baseWhere));
        }
        all.addAll(pieces);
        return all;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) {
        if ((++elements & 0xFFF) == 0) {
            ctx.checkTimeUnchecked();
        }
        if (fallbackDepth > 0) {
            fallbackDepth++;
            return;
        }
        if (MC.equals(uri) && local.equals("Fallback")) {
            fallbackDepth = 1;
            return;
        }
        depth++;
        if (!isWord(uri) && !local.equals("annotation")) {
            return;
        }
        switch (local) {
            case "t", "delText" -> textDepth++;
            case "r" -> runDepth++;
            case "tab", "ptab" -> {
                if (runDepth > 0) {
                    current().append('\t');
                }
            }
            case "br", "cr" -> {
                if (runDepth > 0) {
                    current().append('\n');
                }
            }
            case "noBreakHyphen" -> current().append('-');
            case "tbl" -> {
                tableDepth++;
                if (tableDepth == 1 && inBodyFlow()) {
                    tableNumber = ++counters.tables;
                    row = 0;
                }
            }
            case "tr" -> {
                if (tableDepth == 1) {
                    row++;
                    col = 0;
                }
            }
            case "tc" -> {
                if (tableDepth == 1) {
                    col++;
                    if (inBodyFlow()) {
                        push(local, SegmentKind.TABLE_CELL, "table " + tableNumber + " row " + row + " col " + col);
                    } else {
                        current().append('\t');
                    }
                }
            }
            case "txbxContent" -> {
                if (part == Part.BODY) {
                    push(local, SegmentKind.TEXT_BOX, "text box " + ++counters.textBoxes);
                } else {
                    current().append('\n');
                }
            }
            case "footnote", "endnote" -> startNote(local, atts);
            case "comment" -> {
                if (part == Part.COMMENTS) {
                    push(local, SegmentKind.COMMENT, "comment " + ++counters.comments);
                }
            }
            case "annotation" -> {
                // Word 2003 XML comments: aml:annotation w:type="Word.Comment".
                String type = attribute(atts, "type");
                if ("Word.Comment".equals(type)) {
                    push(local, SegmentKind.COMMENT, "comment " + ++counters.comments);
                }
            }
            case "hdr" -> {
                if (part == Part.BODY) {
                    push(local, SegmentKind.HEADER, "header");
                }
            }
            case "ftr" -> {
                if (part == Part.BODY) {
                    push(local, SegmentKind.FOOTER, "footer");
                }
            }
            default -> { }
        }
    }

    private void startNote(String local, Attributes atts) {
        String type = attribute(atts, "type");
        if (type != null && !type.equals("normal")) {
            // separator, continuationSeparator, continuationNotice: layout, not content
            push(local, SegmentKind.FOOTNOTE, "", true);
            return;
        }
        String where = local.equals("footnote") ? "footnote " + ++counters.footnotes : "endnote " + ++counters.endnotes;
        push(local, SegmentKind.FOOTNOTE, where);
    }

    @Override
    public void endElement(String uri, String local, String qName) {
        if (fallbackDepth > 0) {
            fallbackDepth--;
            return;
        }
        int closing = depth--;
        Buffer top = buffers.peek();
        if (top != null && top.depth == closing) {
            closeParagraph(local, uri);
            buffers.pop();
            if (!top.discard) {
                pieces.add(new Piece(top.text.toString().strip(), top.kind, top.where));
            }
            return;
        }
        closeParagraph(local, uri);
    }

    private void closeParagraph(String local, String uri) {
        if (!isWord(uri)) {
            return;
        }
        switch (local) {
            case "t", "delText" -> textDepth = Math.max(0, textDepth - 1);
            case "r" -> runDepth = Math.max(0, runDepth - 1);
            case "p" -> current().append('\n');
            case "tbl" -> tableDepth = Math.max(0, tableDepth - 1);
            default -> { }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (textDepth > 0 && fallbackDepth == 0) {
            current().append(ch, start, length);
        }
    }

    private boolean inBodyFlow() {
        return part == Part.BODY && buffers.stream().noneMatch(b -> b.kind != SegmentKind.TABLE_CELL);
    }

    private void push(String element, SegmentKind kind, String where) {
        push(element, kind, where, false);
    }

    private void push(String element, SegmentKind kind, String where, boolean discard) {
        buffers.push(new Buffer(depth, kind, where, discard));
    }

    private StringBuilder current() {
        Buffer top = buffers.peek();
        return top == null ? base : top.text;
    }

    private static boolean isWord(String uri) {
        return uri.contains("wordprocessingml") || uri.contains("office/word/2003/wordml") || uri.isEmpty();
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
