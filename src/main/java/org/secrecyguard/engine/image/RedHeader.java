package org.secrecyguard.engine.image;

/**
 * What {@link RedHeaderDetector} saw at the top of a picture: a red 发文机关标志 band (the large red
 * "…文件" line of a 红头文件) and/or the red rule under it. A red header is a signal that raises
 * confidence and steers OCR; it is never a verdict by itself (public notices have red headers too).
 *
 * <p>Coordinates are pixels of the analysed image, measured at its horizontal centre (the page may be
 * tilted by {@link #angleDegrees()}).
 *
 * @param found        true when a red text band was found in the upper part of the picture
 * @param confidence   0..1; a band with a red rule under it scores highest
 * @param bandTop      first row of the red band, -1 when none
 * @param bandBottom   last row of the red band, -1 when none
 * @param bandLeft     leftmost column of the band, -1 when none
 * @param bandRight    rightmost column of the band, -1 when none
 * @param ruleY        row of the red rule, -1 when none was found
 * @param angleDegrees tilt of the header (positive: the right end is lower), 0 when unknown
 */
public record RedHeader(boolean found, double confidence, int bandTop, int bandBottom, int bandLeft,
                        int bandRight, int ruleY, double angleDegrees) {

    /** Nothing red and header-like. */
    public static final RedHeader NONE = new RedHeader(false, 0, -1, -1, -1, -1, -1, 0);

    /** Whether a red rule was found (with or without a band). */
    public boolean hasRule() {
        return ruleY >= 0;
    }

    /** Height of the band in pixels, 0 when none. */
    public int bandHeight() {
        return found ? bandBottom - bandTop + 1 : 0;
    }

    /** The same header in an image scaled by {@code factor} and shifted by (dx, dy). */
    public RedHeader scaled(double factor, int dx, int dy) {
        if (!found && ruleY < 0) {
            return this;
        }
        return new RedHeader(found, confidence, map(bandTop, factor, dy), map(bandBottom, factor, dy),
                map(bandLeft, factor, dx), map(bandRight, factor, dx), map(ruleY, factor, dy), angleDegrees);
    }

    private static int map(int v, double factor, int shift) {
        return v < 0 ? -1 : (int) Math.round(v * factor) + shift;
    }
}
