package org.secrecyguard.ocr;

/**
 * The whole text read from one picture, for registering a document (never for showing: it may be
 * classified).
 *
 * @param text     what Tesseract read, "" when nothing
 * @param complete false when the picture was not read, or only partly (time budget, OCR unavailable)
 * @param note     why it is incomplete, in words a user can act on; "" when complete
 */
public record PictureText(String text, boolean complete, String note) {
    public PictureText {
        text = text == null ? "" : text;
        note = note == null ? "" : note;
    }

    /** Nothing read, and why. */
    public static PictureText unread(String reason) {
        return new PictureText("", false, reason);
    }
}
