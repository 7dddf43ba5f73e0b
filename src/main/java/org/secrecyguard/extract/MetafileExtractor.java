package org.secrecyguard.extract;

import org.secrecyguard.extract.ExtractionException.Reason;

/**
 * A standalone .emf/.wmf picture: the text it draws ({@link MetafileText}), and a rendering for OCR when
 * it draws bitmaps or has no text records ({@link DocumentCollector#addMetafile}).
 */
final class MetafileExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        if (!out.addMetafile("drawing", "drawing text", input.bytes())) {
            throw new ExtractionException(Reason.CORRUPT, "corrupt or truncated " + input.label() + ": cannot be read");
        }
    }
}
