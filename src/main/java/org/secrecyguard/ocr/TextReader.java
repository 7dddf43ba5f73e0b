package org.secrecyguard.ocr;

import org.secrecyguard.engine.image.GreyImage;

/** Reads the text in a grey picture; one instance is used by one thread at a time. */
interface TextReader {
    /** Tesseract page segmentation modes used by the plan. */
    int PSM_AUTO = 3;
    int PSM_BLOCK = 6;

    /**
     * Reads the picture with the given page segmentation mode, stopping after {@code timeoutMillis}.
     */
    OcrText read(GreyImage image, int psm, int timeoutMillis);
}
