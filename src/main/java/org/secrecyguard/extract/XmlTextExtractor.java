package org.secrecyguard.extract;

import java.util.Locale;
import java.util.Set;
import org.secrecyguard.engine.SegmentKind;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Generic XML (exports of office systems, flat ODF, data files): the text content without tags, each
 * element's text on its own line except inline elements (span, b, r, t, …), so that
 * {@code <密级>机密★1年</密级>} becomes the line "机密★1年" a marking detector recognises. XML that does
 * not parse securely (a DOCTYPE, malformed) is read as plain text instead, tags and all.
 */
final class XmlTextExtractor implements FormatExtractor {
    private static final Set<String> INLINE = Set.of("span", "a", "b", "i", "u", "em", "strong", "font", "sub",
            "sup", "small", "big", "r", "t", "s", "tab", "br", "bookmark-start", "bookmark-end", "soft-page-break");

    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        TextHandler handler = new TextHandler(out.context());
        try {
            SecureXml.parse(input.bytes(), handler);
        } catch (SAXException e) {
            new TextFileExtractor().extract(input, out);
            return;
        }
        String text = handler.text.toString().replaceAll("(?m)^[ \t\u3000]+|[ \t]+$", "").replaceAll("\n{2,}", "\n");
        out.add(text.strip(), SegmentKind.BODY, "body");
    }

    private static final class TextHandler extends DefaultHandler {
        final StringBuilder text = new StringBuilder();
        private final ExtractionContext ctx;
        private int elements;

        TextHandler(ExtractionContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            if ((++elements & 0xFFF) == 0) {
                ctx.checkTimeUnchecked();
            }
            if (local.equals("br") || local.equals("line-break")) {
                text.append('\n');
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (!INLINE.contains(local.toLowerCase(Locale.ROOT))) {
                text.append('\n');
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }
    }
}
