package org.secrecyguard.ocr;

/**
 * What one Tesseract read returned.
 *
 * @param text       recognised text (UTF-8 decoded), "" when nothing
 * @param confidence Tesseract's mean word confidence 0..100, or -1 when unknown
 * @param timedOut   true when the deadline stopped recognition (the text may be partial)
 * @param millis     time the read took
 */
record OcrText(String text, int confidence, boolean timedOut, long millis) {
}
