package org.secrecyguard.extract;

import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.extract.WordXmlHandler.Part;

/**
 * Word saved as a single XML file (Word 2003 XML, or Flat OPC): the same WordprocessingML elements as
 * docx, with headers, footers and footnotes inline, so {@link WordXmlHandler} reads it in one pass.
 */
final class WordXmlExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        WordXmlHandler handler = new WordXmlHandler(Part.BODY, SegmentKind.BODY, "body",
                new WordXmlHandler.Counters(), out.context());
        SecureXml.parse(input.bytes(), handler);
        for (Piece piece : handler.pieces()) {
            piece.addTo(out);
        }
    }
}
