package org.secrecyguard.extract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secrecyguard.engine.SegmentKind;

/**
 * A small RTF reader that keeps what matters for checking: body text, table cells, headers and footers,
 * footnotes, comments ({@code \annotation}) and text boxes ({@code \shptxt}), each decoded with the
 * right code page. Bytes from {@code \'xx} and raw 8-bit text are collected and decoded together, so a
 * double-byte GBK character split over two escapes (or an escape plus a literal trail byte) comes out
 * whole. Pictures, objects, font/colour/style tables and field instructions are skipped. Groups are kept
 * on an explicit stack, so deeply nested input cannot overflow the Java stack.
 */
final class RtfParser {
    private static final int MAX_DEPTH = 4096;
    private static final Set<String> SKIPPED_DESTINATIONS = Set.of("colortbl", "stylesheet", "info", "pict",
            "object", "objdata", "themedata", "colorschememapping", "datastore", "latentstyles", "listtable",
            "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "mmathPr", "pgdsctbl", "filetbl", "revtbl",
            "fldinst", "pntext", "pntxta", "pntxtb", "listtext", "sp", "shppict", "nonshppict", "bkmkstart",
            "bkmkend", "atnid", "atnauthor", "atndate", "atnref", "atrfstart", "atrfend", "template", "userprops", "shprslt",
            "xe", "tc", "private", "blipuid", "passwordhash", "wgrffmtfilter", "fontemb", "fontfile", "panose");

    private enum Target { BODY, HEADER, FOOTER, FOOTNOTE, COMMENT, TEXT_BOX }

    /** A destination's text, emitted as one segment when its group closes. */
    private static final class Sink {
        final Target target;
        final StringBuilder text = new StringBuilder();

        Sink(Target target) {
            this.target = target;
        }
    }

    /** Group state: copied on '{', restored on '}'. */
    private static final class State implements Cloneable {
        boolean skip;
        boolean fontTable;
        int uc = 1;
        Charset charset;
        Sink sink;
        boolean inTable;

        State copy() {
            try {
                return (State) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final byte[] in;
    private final DocumentCollector out;
    private final ExtractionContext ctx;
    private final Deque<State> stack = new ArrayDeque<>();
    private final Map<Integer, Charset> fontCharsets = new HashMap<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Sink body = new Sink(Target.BODY);
    private final List<String[]> cells = new ArrayList<>();
    private final List<Object[]> others = new ArrayList<>();
    private State state = new State();
    private Charset pendingCharset;
    private Charset documentCharset = Charset.forName("windows-1252");
    private int skipChars;
    private int pos;
    private int depthOverflow;
    private boolean ignorableNext;
    private int fontInTable = -1;
    private int tables;
    private int row;
    private int col;
    private boolean tableOpen;
    private StringBuilder cell = new StringBuilder();
    private int headers;
    private int footers;
    private int footnotes;
    private int comments;
    private int textBoxes;

    RtfParser(byte[] in, DocumentCollector out) {
        this.in = in;
        this.out = out;
        this.ctx = out.context();
        state.sink = body;
        state.charset = documentCharset;
    }

    void parse() {
        int tokens = 0;
        while (pos < in.length) {
            if ((++tokens & 0xFFFF) == 0) {
                ctx.checkTimeUnchecked();
                if (out.textFull()) {
                    break;
                }
            }
            int c = in[pos] & 0xff;
            switch (c) {
                case '{' -> {
                    pos++;
                    openGroup();
                }
                case '}' -> {
                    pos++;
                    closeGroup();
                }
                case '\\' -> controlWord();
                case '\r', '\n' -> pos++;
                default -> {
                    pos++;
                    literal(c);
                }
            }
        }
        if (pos >= in.length && !stack.isEmpty()) {
            // A truncated file ends inside open groups: keep what its open header, footnote or comment
            // held so far (it is only emitted when its group closes), and say the file was cut.
            depthOverflow = 0;
            while (!stack.isEmpty()) {
                closeGroup();
            }
            out.note("rtf ends before its groups are closed (truncated?): text after the end is missing");
        }
        flush();
        emitCell(false);
        out.add(body.text.toString(), SegmentKind.BODY, "body");
        for (String[] cellText : cells) {
            out.add(cellText[0], SegmentKind.TABLE_CELL, cellText[1]);
        }
        for (Object[] other : others) {
            out.add((String) other[0], (SegmentKind) other[1], (String) other[2]);
        }
    }

    private void openGroup() {
        flush();
        skipChars = 0;
        if (stack.size() >= MAX_DEPTH) {
            depthOverflow++;
            return;
        }
        stack.push(state);
        state = state.copy();
        ignorableNext = false;
    }

    private void closeGroup() {
        flush();
        skipChars = 0;
        if (depthOverflow > 0) {
            depthOverflow--;
            return;
        }
        if (stack.isEmpty()) {
            return;
        }
        State closing = state;
        state = stack.pop();
        if (closing.fontTable && fontInTable >= 0 && !state.fontTable) {
            fontInTable = -1;
        }
        if (closing.sink != state.sink && closing.sink != body && !closing.skip) {
            emit(closing.sink);
        }
    }

    private void emit(Sink sink) {
        String text = sink.text.toString();
        switch (sink.target) {
            case HEADER -> others.add(new Object[] {text, SegmentKind.HEADER, ++headers == 1 ? "header" : "header " + headers});
            case FOOTER -> others.add(new Object[] {text, SegmentKind.FOOTER, ++footers == 1 ? "footer" : "footer " + footers});
            case FOOTNOTE -> others.add(new Object[] {text, SegmentKind.FOOTNOTE, "footnote " + ++footnotes});
            case COMMENT -> others.add(new Object[] {text, SegmentKind.COMMENT, "comment " + ++comments});
            case TEXT_BOX -> others.add(new Object[] {text, SegmentKind.TEXT_BOX, "text box " + ++textBoxes});
            default -> { }
        }
    }

    private void controlWord() {
        pos++; // backslash
        if (pos >= in.length) {
            return;
        }
        int c = in[pos] & 0xff;
        if (c == '\'') {
            int hi = pos + 1 < in.length ? Character.digit(in[pos + 1], 16) : -1;
            int lo = pos + 2 < in.length ? Character.digit(in[pos + 2], 16) : -1;
            pos = Math.min(in.length, pos + 3);
            if (hi >= 0 && lo >= 0) {
                rawByte(hi * 16 + lo);
            }
            return;
        }
        if (!isLetter(c)) {
            pos++;
            switch (c) {
                case '\\', '{', '}' -> literal(c);
                case '~' -> text("\u00a0");
                case '_' -> text("-");
                case '*' -> ignorableNext = true;
                case '\r', '\n' -> text("\n");
                case '-' -> { }
                default -> { }
            }
            return;
        }
        int start = pos;
        while (pos < in.length && isLetter(in[pos] & 0xff) && pos - start < 32) {
            pos++;
        }
        String word = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        boolean hasParam = false;
        int param = 0;
        int sign = 1;
        if (pos < in.length && in[pos] == '-') {
            sign = -1;
            pos++;
        }
        int digits = 0;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9' && digits < 10) {
            param = param * 10 + (in[pos] - '0');
            pos++;
            digits++;
            hasParam = true;
        }
        param *= sign;
        if (pos < in.length && in[pos] == ' ') {
            pos++;
        }
        handle(word, hasParam, param);
    }

    private void handle(String word, boolean hasParam, int param) {
        boolean ignorable = ignorableNext;
        ignorableNext = false;
        if (word.equals("bin")) {
            flush();
            pos = (int) Math.min(in.length, (long) pos + Math.max(0, param));
            return;
        }
        if (word.equals("u") && hasParam) {
            flush();
            if (!state.skip) {
                appendText(String.valueOf((char) (param < 0 ? param + 65536 : param)));
            }
            skipChars = state.uc;
            return;
        }
        if (state.skip) {
            return;
        }
        switch (word) {
            case "ansicpg" -> {
                Charset cs = codePage(param);
                if (cs != null) {
                    documentCharset = cs;
                    state.charset = cs;
                }
            }
            case "ansi" -> { }
            case "mac" -> setDocumentCharset("x-MacRoman");
            case "pc" -> setDocumentCharset("IBM437");
            case "pca" -> setDocumentCharset("IBM850");
            case "uc" -> state.uc = Math.max(0, param);
            case "fonttbl" -> {
                state.fontTable = true;
            }
            case "f" -> {
                if (state.fontTable) {
                    fontInTable = param;
                } else {
                    flush();
                    state.charset = fontCharsets.getOrDefault(param, documentCharset);
                }
            }
            case "fcharset" -> {
                if (state.fontTable && fontInTable >= 0) {
                    Charset cs = charsetOf(param);
                    if (cs != null) {
                        fontCharsets.put(fontInTable, cs);
                    }
                }
            }
            case "par", "line", "sect", "page", "softline" -> newline();
            case "tab" -> text("\t");
            case "emdash" -> text("\u2014");
            case "endash" -> text("\u2013");
            case "bullet" -> text("\u2022");
            case "lquote" -> text("\u2018");
            case "rquote" -> text("\u2019");
            case "ldblquote" -> text("\u201c");
            case "rdblquote" -> text("\u201d");
            case "emspace", "enspace", "qmspace" -> text(" ");
            case "pard" -> state.inTable = false;
            case "intbl" -> state.inTable = true;
            case "cell", "nestcell" -> {
                if (state.sink == body) {
                    emitCell(true);
                } else {
                    text("\t");
                }
            }
            case "row", "nestrow" -> {
                if (state.sink == body) {
                    emitCell(false);
                    row++;
                    col = 0;
                } else {
                    newline();
                }
            }
            case "shp", "shpgrp", "shpinst" -> {
                // Shape containers: their properties are skipped (\sp), their text is \shptxt.
            }
            case "header", "headerl", "headerr", "headerf" -> newSink(Target.HEADER);
            case "footer", "footerl", "footerr", "footerf" -> newSink(Target.FOOTER);
            case "footnote" -> newSink(Target.FOOTNOTE);
            case "annotation" -> newSink(Target.COMMENT);
            case "shptxt", "dptxbxtext" -> newSink(Target.TEXT_BOX);
            default -> {
                if (ignorable || SKIPPED_DESTINATIONS.contains(word)) {
                    flush();
                    state.skip = true;
                }
            }
        }
    }

    private void setDocumentCharset(String name) {
        try {
            documentCharset = Charset.forName(name);
            state.charset = documentCharset;
        } catch (IllegalArgumentException e) {
            // keep the previous code page
        }
    }

    private void newSink(Target target) {
        flush();
        state.sink = new Sink(target);
        state.inTable = false;
    }

    private void newline() {
        flush();
        if (state.sink == body && state.inTable) {
            cell.append('\n');
        } else {
            state.sink.text.append('\n');
        }
    }

    private void emitCell(boolean cellEnd) {
        flush();
        if (cellEnd) {
            if (!tableOpen) {
                tables++;
                row = 1;
                col = 0;
                tableOpen = true;
            }
            col++;
            cells.add(new String[] {cell.toString().strip(), "table " + tables + " row " + row + " col " + col});
            cell = new StringBuilder();
        }
    }

    private void literal(int c) {
        if (state.skip || state.fontTable) {
            if (state.fontTable && c == ';') {
                fontInTable = -1;
            }
            return;
        }
        if (skipChars > 0) {
            skipChars--;
            return;
        }
        if (c >= 0x80 || (pending.size() > 0 && awaitingTrailByte())) {
            pendingByte(c);
            return;
        }
        flush();
        appendText(String.valueOf((char) c));
    }

    private void rawByte(int b) {
        if (state.skip || state.fontTable) {
            return;
        }
        if (skipChars > 0) {
            skipChars--;
            return;
        }
        pendingByte(b);
    }

    private void pendingByte(int b) {
        flushIfCharsetDiffers(state.charset);
        pendingCharset = state.charset;
        pending.write(b);
    }

    private void flushIfCharsetDiffers(Charset cs) {
        if (pending.size() > 0 && pendingCharset != cs) {
            flush();
        }
    }

    /** True when the collected bytes end with the lead byte of a double-byte character. */
    private boolean awaitingTrailByte() {
        if (pendingCharset == null || !isDoubleByte(pendingCharset)) {
            return false;
        }
        byte[] b = pending.toByteArray();
        boolean sjis = pendingCharset.name().toLowerCase().contains("jis") || pendingCharset.name().equals("windows-31j");
        int i = 0;
        while (i < b.length) {
            int v = b[i] & 0xff;
            boolean lead = sjis ? (v >= 0x81 && v <= 0x9f) || (v >= 0xe0 && v <= 0xfc) : v >= 0x81 && v <= 0xfe;
            if (lead) {
                if (i + 1 >= b.length) {
                    return true;
                }
                i += 2;
            } else {
                i++;
            }
        }
        return false;
    }

    private static boolean isDoubleByte(Charset cs) {
        String n = cs.name();
        return n.equals("GB18030") || n.equals("GBK") || n.equals("Big5") || n.equals("x-windows-949")
                || n.equals("windows-31j") || n.equals("Shift_JIS") || n.equals("EUC-KR") || n.equals("x-IBM949");
    }

    private void flush() {
        if (pending.size() == 0) {
            return;
        }
        Charset cs = pendingCharset == null ? documentCharset : pendingCharset;
        String s = new String(pending.toByteArray(), cs);
        pending.reset();
        appendText(s);
    }

    private void text(String s) {
        if (state.skip) {
            return;
        }
        flush();
        appendText(s);
    }

    private void appendText(String s) {
        if (state.sink == body) {
            if (state.inTable) {
                cell.append(s);
                return;
            }
            if (tableOpen && !s.isBlank()) {
                tableOpen = false;
            }
        }
        state.sink.text.append(s);
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Windows code page number to charset; 936 is read as GB18030, its superset. */
    static Charset codePage(int cp) {
        String name = switch (cp) {
            case 936 -> "GB18030";
            case 950 -> "Big5";
            case 932 -> "windows-31j";
            case 949 -> "x-windows-949";
            case 65001 -> "UTF-8";
            case 437 -> "IBM437";
            case 850 -> "IBM850";
            case 874 -> "x-windows-874";
            default -> cp >= 1250 && cp <= 1258 ? "windows-" + cp : null;
        };
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** RTF \fcharset number to charset; 0/1 (ANSI/default) follow the document code page. */
    private Charset charsetOf(int fcharset) {
        int cp = switch (fcharset) {
            case 0, 1 -> -1;
            case 77 -> 10000;
            case 128 -> 932;
            case 129 -> 949;
            case 134 -> 936;
            case 136 -> 950;
            case 161 -> 1253;
            case 162 -> 1254;
            case 163 -> 1258;
            case 177 -> 1255;
            case 178 -> 1256;
            case 186 -> 1257;
            case 204 -> 1251;
            case 222 -> 874;
            case 238 -> 1250;
            default -> -2;
        };
        if (cp == -1) {
            return documentCharset;
        }
        if (cp == 10000) {
            try {
                return Charset.forName("x-MacRoman");
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return cp < 0 ? null : codePage(cp);
    }
}
