package org.secrecyguard.extract;

/** A picture file (png, jpeg, gif, bmp, tiff, webp): no text, one picture for OCR. */
final class ImageFileExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) {
        out.addImage("image", input.bytes());
    }
}
