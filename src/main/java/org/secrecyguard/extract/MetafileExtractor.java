package org.secrecyguard.extract;

import java.io.IOException;
import java.util.Locale;
import org.secrecyguard.extract.ExtractionException.Reason;

/**
 * A standalone .emf/.wmf picture, or a gzip-compressed .emz/.wmz: the text it draws ({@link MetafileText}),
 * and a rendering for OCR when it draws bitmaps or has no text records ({@link DocumentCollector#addMetafile}).
 */
final class MetafileExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        byte[] picture = input.bytes();
        if (!MetafileText.isMetafile(picture)) {
            try {
                picture = CompressedMetafile.inflate(picture, out.context().limits().maxImageBytes());
            } catch (IOException e) {
                throw new ExtractionException(Reason.CORRUPT, "corrupt or truncated " + input.label() + ": cannot be read");
            }
            if (picture == null) {
                throw new ExtractionException(Reason.TOO_LARGE, String.format(Locale.ROOT,
                        "%s inflates to more than %d MB: cannot be checked", input.label(),
                        out.context().limits().maxImageBytes() / (1024 * 1024)));
            }
        }
        if (!out.addMetafile("drawing", "drawing text", picture)) {
            throw new ExtractionException(Reason.CORRUPT, "corrupt or truncated " + input.label() + ": cannot be read");
        }
    }
}
