package org.secrecyguard.scan;

import java.awt.image.BufferedImage;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.extract.EmbeddedImage;
import org.secrecyguard.ocr.ImageInspection;
import org.secrecyguard.ocr.PictureText;

/**
 * Looks at pictures for the scanner: decodes embedded images within limits and runs OCR. The
 * scanner stays ignorant of Tesseract; {@link #none(String)} stands in when OCR is off or missing.
 */
public interface PictureChecker extends AutoCloseable {
    /**
     * Reads an embedded or rendered picture.
     *
     * @throws PictureRejectedException when the picture is refused (bomb, damaged, unknown format)
     */
    ImageInspection check(EmbeddedImage image, Engine engine) throws PictureRejectedException;

    ImageInspection check(BufferedImage image, String where, Engine engine);

    /**
     * Reads all the text of an embedded or rendered picture (to register a document from it).
     *
     * @return the text; incomplete with a note when it could not be read, or only partly
     * @throws PictureRejectedException when the picture is refused (bomb, damaged, unknown format)
     */
    PictureText readText(EmbeddedImage image) throws PictureRejectedException;

    /** False when pictures cannot be read here; {@link #status()} says why. */
    boolean available();

    String status();

    /** Releases native resources (OCR engines); idempotent. */
    @Override
    default void close() {
    }

    /** A checker that reads nothing and says why (OCR switched off, or unavailable). */
    static PictureChecker none(String reason) {
        return new PictureChecker() {
            @Override
            public ImageInspection check(EmbeddedImage image, Engine engine) {
                return new ImageInspection(org.secrecyguard.engine.Verdict.CLEAN, false, reason);
            }

            @Override
            public ImageInspection check(BufferedImage image, String where, Engine engine) {
                return new ImageInspection(org.secrecyguard.engine.Verdict.CLEAN, false, reason);
            }

            @Override
            public PictureText readText(EmbeddedImage image) {
                return PictureText.unread(reason);
            }

            @Override
            public boolean available() {
                return false;
            }

            @Override
            public String status() {
                return reason;
            }
        };
    }
}
