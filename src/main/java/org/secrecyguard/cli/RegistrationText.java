package org.secrecyguard.cli;

import java.nio.file.Path;
import org.secrecyguard.scan.FileText;
import org.secrecyguard.scan.FileTextReader;
import org.secrecyguard.scan.UnreadableFileException;

/**
 * The text of a file to register as a classified document: every text segment except the file name,
 * then the OCR text of its pictures (a photographed page, the pages of a scanned PDF, pictures in an
 * office file). A file whose only content is pictures that cannot be read here is refused with the
 * reason, rather than registered as nothing.
 */
final class RegistrationText {
    private final FileTextReader reader;

    RegistrationText(FileTextReader reader) {
        this.reader = reader;
    }

    /**
     * The text to fingerprint; never blank. What was left unread is in {@link FileText#notes()}.
     *
     * @throws UnreadableFileException  when the file cannot be read at all
     * @throws IllegalArgumentException when nothing readable is in it; the message says why
     */
    FileText read(Path file) throws UnreadableFileException {
        FileText text = reader.read(file);
        if (!text.isBlank()) {
            return text;
        }
        if (text.pictures() > 0 && !reader.pictures().available()) {
            throw new IllegalArgumentException("no text, only " + text.pictures()
                    + " picture(s), and pictures cannot be read here (" + reader.pictures().status()
                    + "); install OCR (tesseract with chi_sim) or register a text version");
        }
        if (text.pictures() > 0) {
            throw new IllegalArgumentException("no text could be read from its " + text.pictures()
                    + " picture(s)" + (text.notes().isEmpty() ? "" : " (" + String.join("; ", text.notes()) + ")")
                    + "; register a text version");
        }
        throw new IllegalArgumentException("no text to register");
    }
}
