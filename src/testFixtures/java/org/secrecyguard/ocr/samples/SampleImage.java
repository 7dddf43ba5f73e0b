package org.secrecyguard.ocr.samples;

import java.awt.image.BufferedImage;
import org.secrecyguard.engine.Level;

/**
 * One generated picture with what a correct guard must say about it.
 *
 * @param name     file-name-like label, e.g. "photo-secret-tilt4"
 * @param image    the picture
 * @param expected the level its marking implies, or null for a picture that must be allowed
 * @param marking  the marking as printed (e.g. "机密★1年"), or null
 */
public record SampleImage(String name, BufferedImage image, Level expected, String marking) {
    public boolean marked() {
        return expected != null;
    }
}
