package org.secrecyguard.ocr;

import org.secrecyguard.engine.Verdict;

/**
 * What looking at one picture found.
 *
 * @param verdict findings from OCR'd text (and image signals), located at the picture
 * @param ocrUsed whether Tesseract actually read the picture
 * @param note    a short note for the user, e.g. "OCR unavailable: tesseract not installed", or ""
 */
public record ImageInspection(Verdict verdict, boolean ocrUsed, String note) {
}
