package org.secrecyguard.ocr;

import java.awt.image.BufferedImage;
import org.secrecyguard.engine.Engine;

/**
 * Looks at pictures (photos, screenshots, scans, rendered pages) for markings and registered text.
 * Implementations are thread-safe, keep to a time budget per picture, and never throw for a bad or
 * unreadable picture: they return a verdict with a note instead.
 */
public interface ImageInspector extends AutoCloseable {
    ImageInspection inspect(BufferedImage image, String where, Engine engine);

    /** False when OCR cannot run here (no Tesseract, no language data); {@link #status()} says why. */
    boolean available();

    /** "OK", or the reason OCR is unavailable, in words a user can act on. */
    String status();

    @Override
    void close();
}
