package org.secrecyguard.engine.image;

/**
 * The colour test for the red of 红头 printing, as it survives scanners, phone cameras, uneven light
 * and JPEG: a clearly red hue (not orange, not magenta) with enough chroma, at any brightness a
 * photographed page can have. Pink (a thin red rule averaged with white paper) still counts.
 */
public final class RedPixels {
    private RedPixels() {
    }

    /** True when the ARGB pixel looks like red print. */
    public static boolean isRed(int argb) {
        int r = (argb >>> 16) & 0xFF;
        int g = (argb >>> 8) & 0xFF;
        int b = argb & 0xFF;
        int hi = Math.max(g, b);
        int lo = Math.min(g, b);
        int chroma = r - hi;
        if (r < 80 || chroma < 40 || chroma * 10 < r * 3) {
            return false;
        }
        // Hue near 0°: green and blue about equal (orange has g >> b, magenta b >> g).
        return hi - lo <= (r - lo) / 2;
    }

    /**
     * A looser test that also takes the pinkish fringe of red strokes (red ink blended with paper by
     * blur, scaling and JPEG): used to drop red print from a grey picture, not to find a header.
     */
    public static boolean isReddish(int argb) {
        int r = (argb >>> 16) & 0xFF;
        int g = (argb >>> 8) & 0xFF;
        int b = argb & 0xFF;
        int hi = Math.max(g, b);
        int lo = Math.min(g, b);
        int chroma = r - hi;
        return r >= 60 && chroma >= 18 && chroma * 10 >= r && hi - lo <= (r - lo) * 2 / 3;
    }
}
