package org.secrecyguard.extract;

import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.extract.ExtractionException.Reason;

/** A standalone .emf/.wmf picture: the text it draws ({@link MetafileText}); pictures in it are not OCR'd. */
final class MetafileExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        String text = MetafileText.text(input.bytes(), out.context());
        if (text == null) {
            throw new ExtractionException(Reason.CORRUPT, "corrupt or truncated " + input.label() + ": cannot be read");
        }
        out.add(text, SegmentKind.BODY, "drawing text");
        out.note("pictures inside the " + input.label() + " are not read by OCR");
    }
}
