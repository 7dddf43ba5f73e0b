package org.secrecyguard.scan;

import java.util.List;

/**
 * All the text that could be read from one file: its text, then the OCR text of its pictures. It may
 * be classified: it is for fingerprinting, never for printing or logging.
 *
 * @param text          text segments in document order, then each picture's text, one per line
 * @param pictures      pictures the file holds (a picture file or a scanned PDF page counts as one)
 * @param picturesRead  pictures whose text OCR read (possibly partly, see notes)
 * @param notes         what was not read or only partly, in words a user can act on
 */
public record FileText(String text, int pictures, int picturesRead, List<String> notes) {
    public FileText {
        notes = List.copyOf(notes);
    }

    /** True when no letters or digits at all were read. */
    public boolean isBlank() {
        return text.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    /** True when every picture was read and nothing was left out. */
    public boolean complete() {
        return picturesRead == pictures && notes.isEmpty();
    }
}
