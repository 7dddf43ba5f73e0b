package org.secrecyguard.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.secrecyguard.engine.SegmentKind;

/**
 * HTML (also Word's "web page" .doc files) with jsoup. Block elements become line breaks so that a
 * marking on its own line stays on its own line; each cell of a top-level table is a TABLE_CELL segment
 * ("table 1 row 2 col 1"); the title is a segment of its own. The charset comes from a byte-order mark,
 * then a meta declaration, then {@link TextDecoder}.
 */
final class HtmlExtractor implements FormatExtractor {
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4",
            "h5", "h6", "tr", "table", "section", "article", "header", "footer", "blockquote", "pre", "hr",
            "dt", "dd", "address", "center", "form", "fieldset", "nav", "aside", "main", "figure", "caption");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "head");

    @Override
    public void extract(Input input, DocumentCollector out) {
        String html = decode(input.bytes(), out.context().limits().maxTextBytes());
        Document doc = Jsoup.parse(html);
        String title = doc.title();
        out.add(title, SegmentKind.BODY, "title");
        if (doc.body() != null) {
            TextWalker walker = new TextWalker(out);
            NodeTraversor.traverse(walker, doc.body());
            walker.finish();
        }
    }

    static String decode(byte[] b, long maxBytes) {
        int length = TextDecoder.lengthWithin(b, maxBytes);
        Charset bom = TextDecoder.bomCharset(b, 0, length);
        if (bom != null) {
            return TextDecoder.decode(b, 0, length).text();
        }
        String head = new String(b, 0, Math.min(length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            try {
                Charset declared = Charset.forName(m.group(1).toUpperCase(Locale.ROOT));
                // GB2312 pages routinely contain GBK characters: read them as the superset.
                if (declared.name().equals("GB2312") || declared.name().equals("GBK")) {
                    declared = TextDecoder.GB18030;
                }
                // Editors that convert a saved page to UTF-8 keep its old declaration. Bytes that are valid
                // UTF-8 are that (GBK text never is), and for ASCII-only bytes both readings are the same.
                Utf8Text.Decoded utf8 = declared.name().startsWith("UTF-") ? null : Utf8Text.decode(b, 0, length);
                if (utf8 != null) {
                    return utf8.text();
                }
                return new String(b, 0, length, declared);
            } catch (IllegalArgumentException e) {
                // Unknown charset name: detect instead.
            }
        }
        return TextDecoder.decode(b, 0, length).text();
    }

    /** Collects body text and table cells in document order. */
    private static final class TextWalker implements NodeVisitor {
        private final DocumentCollector out;
        private final StringBuilder body = new StringBuilder();
        private final List<String[]> cells = new ArrayList<>();
        private StringBuilder cell;
        private int skipDepth;
        private int tableDepth;
        private int tables;
        private int row;
        private int col;
        private Element topTable;

        TextWalker(DocumentCollector out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (SKIPPED.contains(tag)) {
                    skipDepth++;
                    return;
                }
                if (skipDepth > 0) {
                    return;
                }
                if (tag.equals("table")) {
                    tableDepth++;
                    if (tableDepth == 1) {
                        topTable = e;
                        tables++;
                        row = 0;
                    }
                } else if (tableDepth == 1 && tag.equals("tr") && enclosingTable(e) == topTable) {
                    row++;
                    col = 0;
                } else if (tableDepth == 1 && (tag.equals("td") || tag.equals("th")) && enclosingTable(e) == topTable) {
                    col++;
                    cell = new StringBuilder();
                }
                if (BLOCKS.contains(tag) && !tag.equals("table")) {
                    current().append('\n');
                }
            } else if (node instanceof TextNode t && skipDepth == 0) {
                current().append(t.getWholeText().replaceAll("[ \\t\\r\\n\\f]+", " "));
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            String tag = e.normalName();
            if (SKIPPED.contains(tag)) {
                skipDepth--;
                return;
            }
            if (skipDepth > 0) {
                return;
            }
            if (tag.equals("table")) {
                tableDepth--;
                if (tableDepth == 0) {
                    topTable = null;
                }
            } else if (cell != null && (tag.equals("td") || tag.equals("th")) && enclosingTable(e) == topTable) {
                cells.add(new String[] {cell.toString().strip(), "table " + tables + " row " + row + " col " + col});
                cell = null;
            }
            if (BLOCKS.contains(tag)) {
                current().append('\n');
            }
        }

        private StringBuilder current() {
            return cell != null ? cell : body;
        }

        private static Element enclosingTable(Element e) {
            for (Element p = e.parent(); p != null; p = p.parent()) {
                if (p.normalName().equals("table")) {
                    return p;
                }
            }
            return null;
        }

        void finish() {
            out.add(body.toString().replaceAll("(?m)^ +| +$", "").replaceAll("\n{3,}", "\n\n").strip(),
                    SegmentKind.BODY, "body");
            for (String[] c : cells) {
                out.add(c[0], SegmentKind.TABLE_CELL, c[1]);
            }
        }
    }
}
