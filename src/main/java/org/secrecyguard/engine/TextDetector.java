package org.secrecyguard.engine;

import java.util.function.Consumer;

/**
 * A detector over the text of one document. Implementations are immutable, thread-safe and do no
 * I/O, so one instance serves every scan thread; per-document state lives on the stack of
 * {@link #detect}.
 */
public interface TextDetector {
    /**
     * Reports what this detector finds in one document.
     *
     * @param document the document's segments, each with its normalised text
     * @param out      receives findings; evidence must already be masked (see {@link Evidence})
     */
    void detect(DocumentText document, Consumer<Finding> out);

    /**
     * Whether this detector needs the body of a document, not just its header lines. False for
     * detectors that only look at markings (which stand in the header band of a page): OCR may then
     * read only a picture's header band and skip the far slower full-page read. The default is the
     * safe answer, true.
     */
    default boolean needsBodyText() {
        return true;
    }
}
