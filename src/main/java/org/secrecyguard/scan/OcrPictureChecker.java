package org.secrecyguard.scan;

import java.awt.image.BufferedImage;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.extract.EmbeddedImage;
import org.secrecyguard.ocr.ImageInspection;
import org.secrecyguard.ocr.ImageRejectedException;
import org.secrecyguard.ocr.PictureText;
import org.secrecyguard.ocr.TesseractImageInspector;

/** Pictures through Tesseract: decoded within the decoder's limits, read with the header-first plan. */
final class OcrPictureChecker implements PictureChecker {
    private final TesseractImageInspector inspector;

    OcrPictureChecker(TesseractImageInspector inspector) {
        this.inspector = inspector;
    }

    @Override
    public ImageInspection check(EmbeddedImage image, Engine engine) throws PictureRejectedException {
        if (image.rendered() != null) {
            return inspector.inspect(image.rendered(), image.where(), engine);
        }
        try {
            return inspector.inspect(image.encoded(), image.where(), engine);
        } catch (ImageRejectedException e) {
            throw new PictureRejectedException(e.getMessage(), e);
        }
    }

    @Override
    public PictureText readText(EmbeddedImage image) throws PictureRejectedException {
        if (image.rendered() != null) {
            return inspector.readText(image.rendered(), image.where());
        }
        try {
            return inspector.readText(image.encoded(), image.where());
        } catch (ImageRejectedException e) {
            throw new PictureRejectedException(e.getMessage(), e);
        }
    }

    @Override
    public ImageInspection check(BufferedImage image, String where, Engine engine) {
        return inspector.inspect(image, where, engine);
    }

    @Override
    public boolean available() {
        return inspector.available();
    }

    @Override
    public String status() {
        return inspector.status();
    }

    @Override
    public void close() {
        inspector.close();
    }
}
