package org.secrecyguard.engine.image;

/**
 * An 8-bit grey picture, row-major, one byte per pixel (0 black .. 255 white, read unsigned): the
 * form Tesseract reads fastest, and what the pixel analysis here works on.
 */
public record GreyImage(byte[] pixels, int width, int height) {
    public GreyImage {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("grey pixels do not match " + width + "x" + height);
        }
    }

    /** Grey level at (x, y), 0..255. */
    public int at(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    /** Histogram of grey levels. */
    public int[] histogram() {
        int[] h = new int[256];
        for (byte p : pixels) {
            h[p & 0xFF]++;
        }
        return h;
    }

    /** A copy with every pixel at or below {@code threshold} black and all others white. */
    public GreyImage binarized(int threshold) {
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (pixels[i] & 0xFF) <= threshold ? 0 : (byte) 255;
        }
        return new GreyImage(out, width, height);
    }
}
