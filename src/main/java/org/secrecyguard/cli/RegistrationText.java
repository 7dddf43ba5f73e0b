package org.secrecyguard.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.extract.Document;
import org.secrecyguard.extract.DocumentExtractor;
import org.secrecyguard.extract.ExtractionException;

/**
 * The text of a file to register as a classified document: every extracted segment except the file
 * name, in document order, one per line. A file with pictures but no text needs OCR, which this class
 * does not do: it says so instead of registering nothing.
 */
final class RegistrationText {
    private final DocumentExtractor extractor;

    RegistrationText(DocumentExtractor extractor) {
        this.extractor = extractor;
    }

    /** The text to fingerprint; never empty. */
    String read(Path file) throws ExtractionException {
        Document doc = extractor.extract(file);
        List<String> parts = new ArrayList<>();
        for (Segment s : doc.segments()) {
            if (s.kind() != SegmentKind.FILE_NAME && !s.text().isBlank()) {
                parts.add(s.text());
            }
        }
        if (parts.isEmpty()) {
            if (!doc.images().isEmpty()) {
                throw new IllegalArgumentException(file + ": no text, only " + doc.images().size()
                        + " picture(s); register a text version (OCR of pictures is not available here)");
            }
            throw new IllegalArgumentException(file + ": no text to register");
        }
        return String.join("\n", parts);
    }
}
