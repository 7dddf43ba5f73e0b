package org.secrecyguard.ocr;

/** When OCR reads a whole page rather than only its header band. */
public enum BodyReading {
    /** When the engine has detectors that need body text (keywords, fingerprints), or the header was unclear. */
    AUTO,
    /** Always read the whole page after the header (slowest, most thorough). */
    ALWAYS,
    /** Only when the header looked like a marking that could not be read. */
    HEADER_ONLY
}
