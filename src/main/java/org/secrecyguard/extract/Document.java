package org.secrecyguard.extract;

import java.util.List;
import org.secrecyguard.engine.Segment;

/**
 * Everything extracted from one file: text segments with their locations, pictures to OCR, and notes
 * for the user about what could not be read (e.g. "3 images skipped: limit 50").
 */
public record Document(String format, List<Segment> segments, List<EmbeddedImage> images, List<String> notes) {
    public Document {
        segments = List.copyOf(segments);
        images = List.copyOf(images);
        notes = List.copyOf(notes);
    }
}
