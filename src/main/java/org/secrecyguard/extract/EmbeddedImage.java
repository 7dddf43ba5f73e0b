package org.secrecyguard.extract;

import java.awt.image.BufferedImage;

/**
 * A picture found inside a document, to be read by OCR: either the encoded bytes of an embedded image
 * (png, jpeg, …) or a page rendered from a PDF page that has no text layer. Exactly one is non-null.
 *
 * @param where    location for findings, e.g. "image 2 in word/media", "page 3 (no text layer)"
 * @param encoded  the image file bytes, or null
 * @param rendered the rendered page, or null
 */
public record EmbeddedImage(String where, byte[] encoded, BufferedImage rendered) {
}
