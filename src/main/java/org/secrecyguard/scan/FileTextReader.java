package org.secrecyguard.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.extract.Document;
import org.secrecyguard.extract.EmbeddedImage;
import org.secrecyguard.extract.ExtractionException;
import org.secrecyguard.ocr.PictureText;

/**
 * Reads all the readable text of a file, for registering classified documents: the extracted text
 * (not the file name) and the whole text of every picture in it through OCR, so that a photographed
 * page, a scanned PDF or a Word file with a picture of a page can be registered like a text file.
 * Whatever could not be read is said in {@link FileText#notes()}, never passed over in silence: a
 * document registered from half its text would be caught only half as well. Thread-safe.
 */
public final class FileTextReader implements AutoCloseable {
    private final DocumentSource documents;
    private final PictureChecker pictures;
    private final ScanLimits limits;

    /**
     * @param documents extraction (text and pictures of a file)
     * @param pictures  OCR; {@link PictureChecker#none(String)} when pictures cannot be read
     * @param limits    the file size limit and the time budget for all pictures of one file
     */
    public FileTextReader(DocumentSource documents, PictureChecker pictures, ScanLimits limits) {
        this.documents = documents;
        this.pictures = pictures;
        this.limits = limits;
    }

    /** The OCR behind this reader (its status says whether pictures can be read here). */
    public PictureChecker pictures() {
        return pictures;
    }

    /**
     * Reads the file's text and its pictures' text.
     *
     * @throws UnreadableFileException when the file is missing, too large, cannot be extracted, or is
     *                                 one picture that is refused
     */
    public FileText read(Path file) throws UnreadableFileException {
        long start = System.nanoTime();
        Document document = extract(file);
        List<String> parts = new ArrayList<>();
        for (Segment s : document.segments()) {
            if (s.kind() != SegmentKind.FILE_NAME && !s.text().isBlank()) {
                parts.add(s.text());
            }
        }
        List<String> notes = new ArrayList<>(document.notes());
        List<EmbeddedImage> images = document.images();
        int read = 0;
        if (!images.isEmpty() && !pictures.available()) {
            notes.add(count(images.size()) + " not read: " + pictures.status());
        } else {
            for (int i = 0; i < images.size(); i++) {
                if (System.nanoTime() - start > limits.fileBudget().toNanos()) {
                    notes.add(count(images.size() - i) + " not read: time budget of "
                            + limits.fileBudget().toSeconds() + " s spent");
                    break;
                }
                EmbeddedImage image = images.get(i);
                PictureText text = readPicture(image, images.size() == 1 && parts.isEmpty(), notes);
                if (text == null) {
                    continue;
                }
                if (!text.note().isEmpty()) {
                    notes.add(image.where() + ": " + text.note());
                }
                if (!text.text().isBlank() || text.complete()) {
                    read++;
                }
                if (!text.text().isBlank()) {
                    parts.add(text.text().strip());
                }
            }
        }
        return new FileText(String.join("\n", parts), images.size(), read, notes);
    }

    private Document extract(Path file) throws UnreadableFileException {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > limits.maxFileBytes()) {
                throw new UnreadableFileException("too large: over " + (limits.maxFileBytes() >> 20) + " MB", null);
            }
            return documents.extract(file);
        } catch (ExtractionException e) {
            throw new UnreadableFileException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * One picture's text, or null when it was refused inside a larger document (noted). A refused
     * picture that IS the file means nothing can be read: that is an error, not a note.
     */
    private PictureText readPicture(EmbeddedImage image, boolean wholeFile, List<String> notes)
            throws UnreadableFileException {
        try {
            return pictures.readText(image);
        } catch (PictureRejectedException e) {
            if (wholeFile) {
                throw new UnreadableFileException(e.getMessage(), e);
            }
            notes.add(image.where() + ": " + e.getMessage());
            return null;
        }
    }

    private static String count(int n) {
        return n + (n == 1 ? " picture" : " pictures");
    }

    /** Releases the OCR engines. */
    @Override
    public void close() {
        pictures.close();
    }
}
