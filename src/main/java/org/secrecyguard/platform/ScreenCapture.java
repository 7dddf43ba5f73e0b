package org.secrecyguard.platform;

import java.awt.image.BufferedImage;

/** Takes a picture of what the screen shows now (what a screenshot about to be taken will contain). */
@FunctionalInterface
public interface ScreenCapture {
    /** @throws PlatformUnavailableException when the screen cannot be read on this desktop */
    BufferedImage capture();
}
