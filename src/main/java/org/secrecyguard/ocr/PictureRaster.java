package org.secrecyguard.ocr;

import java.awt.image.BufferedImage;
import org.secrecyguard.engine.image.GreyImage;
import org.secrecyguard.engine.image.Luminance;
import org.secrecyguard.engine.image.PageMask;
import org.secrecyguard.engine.image.RedPixels;
import org.secrecyguard.engine.image.Region;
import org.secrecyguard.engine.image.Resampler;

/**
 * Pixels out of a {@link BufferedImage} in the forms the plan needs: a small ARGB overview for page and
 * red-header analysis, and grey crops scaled and straightened for Tesseract. Pixels are read a row at a
 * time, so a large photo never needs a second full-size copy; reductions average every pixel (thin
 * strokes and the red rule survive).
 */
final class PictureRaster {
    private PictureRaster() {
    }

    /**
     * ARGB pixels of a reduced copy.
     *
     * @param scale overview pixels per picture pixel (1 when not reduced)
     */
    record Overview(int[] argb, int width, int height, double scale) {
    }

    /** A copy whose longest side is at most {@code maxSide}, each pixel the mean of a k x k box. */
    static Overview overview(BufferedImage image, int maxSide) {
        int w = image.getWidth();
        int h = image.getHeight();
        int k = Math.max(1, (Math.max(w, h) + maxSide - 1) / maxSide);
        int tw = (w + k - 1) / k;
        int th = (h + k - 1) / k;
        int[] argb = new int[tw * th];
        int[] r = new int[tw];
        int[] g = new int[tw];
        int[] b = new int[tw];
        int[] n = new int[tw];
        int[] row = new int[w];
        int[] scratch = new int[w * 4];
        for (int ty = 0; ty < th; ty++) {
            java.util.Arrays.fill(r, 0);
            java.util.Arrays.fill(g, 0);
            java.util.Arrays.fill(b, 0);
            java.util.Arrays.fill(n, 0);
            for (int y = ty * k; y < Math.min(h, (ty + 1) * k); y++) {
                readRow(image, 0, y, w, row, scratch);
                for (int x = 0; x < w; x++) {
                    int p = onWhite(row[x]);
                    int t = x / k;
                    r[t] += (p >>> 16) & 0xFF;
                    g[t] += (p >>> 8) & 0xFF;
                    b[t] += p & 0xFF;
                    n[t]++;
                }
            }
            for (int t = 0; t < tw; t++) {
                int c = Math.max(1, n[t]);
                argb[ty * tw + t] = 0xFF000000 | (r[t] / c << 16) | (g[t] / c << 8) | (b[t] / c);
            }
        }
        return new Overview(argb, tw, th, tw / (double) w);
    }

    /**
     * A grey crop of {@code region} scaled by {@code scale}, straightened by rotating it {@code -tiltDegrees}
     * about its centre. Anything off the page (per {@code mask}, given in overview pixels) and the corners
     * uncovered by the rotation take the paper's grey, so that no false edges appear. With
     * {@code dropRed}, red print takes the grey of the paper next to it ("red dropout", as form scanners
     * do), so the large red 发文机关标志 and the rule neither cost Tesseract time nor mix with the black
     * header text.
     */
    static GreyImage grey(BufferedImage image, Region region, double scale, double tiltDegrees, boolean dropRed,
                          PageMask mask, double maskScale) {
        int sw = region.width();
        int sh = region.height();
        byte[] grey = new byte[sw * sh];
        boolean[] off = mask == null ? null : new boolean[sw * sh];
        int[] hist = new int[256];
        int[] row = new int[sw];
        int[] scratch = new int[sw * 4];
        for (int y = 0; y < sh; y++) {
            readRow(image, region.x(), region.y() + y, sw, row, scratch);
            int my = (int) ((region.y() + y + 0.5) * maskScale);
            int lastPaper = -1;
            for (int x = 0; x < sw; x++) {
                int p = onWhite(row[x]);
                int v;
                if (dropRed && RedPixels.isReddish(p)) {
                    // Red print takes the grey of the paper just left of it (or its red channel at the
                    // start of a row): the band and rule vanish without halos, under any lighting.
                    v = lastPaper >= 0 ? lastPaper : (p >>> 16) & 0xFF;
                } else {
                    v = Luminance.of(p);
                    lastPaper = v;
                }
                int i = y * sw + x;
                grey[i] = (byte) v;
                if (off != null && !mask.contains((int) ((region.x() + x + 0.5) * maskScale), my)) {
                    off[i] = true;
                } else {
                    hist[v]++;
                }
            }
        }
        int paper = paperLevel(hist);
        if (off != null) {
            for (int i = 0; i < grey.length; i++) {
                if (off[i]) {
                    grey[i] = (byte) paper;
                }
            }
        }
        int tw = Math.max(1, (int) Math.round(sw * scale));
        int th = Math.max(1, (int) Math.round(sh * scale));
        GreyImage out = Resampler.resize(new GreyImage(grey, sw, sh), tw, th);
        return tiltDegrees == 0 ? out : rotate(out, tiltDegrees, paper);
    }

    /**
     * One row of ARGB pixels. The usual decoder outputs (3-byte BGR from JPEG, int RGB/ARGB, 8-bit grey)
     * are read straight from the raster; {@code getRGB} converts pixel by pixel through the colour
     * model and is several times slower, so it serves only the rarer types.
     */
    private static void readRow(BufferedImage image, int x, int y, int w, int[] out, int[] scratch) {
        java.awt.image.WritableRaster raster = image.getRaster();
        switch (image.getType()) {
            case BufferedImage.TYPE_INT_RGB -> {
                raster.getDataElements(x, y, w, 1, out);
                for (int i = 0; i < w; i++) {
                    out[i] |= 0xFF000000;
                }
            }
            case BufferedImage.TYPE_INT_ARGB -> raster.getDataElements(x, y, w, 1, out);
            case BufferedImage.TYPE_3BYTE_BGR -> {
                raster.getPixels(x, y, w, 1, scratch);
                for (int i = 0, j = 0; i < w; i++, j += 3) {
                    out[i] = 0xFF000000 | (scratch[j] << 16) | (scratch[j + 1] << 8) | scratch[j + 2];
                }
            }
            case BufferedImage.TYPE_BYTE_GRAY -> {
                raster.getPixels(x, y, w, 1, scratch);
                for (int i = 0; i < w; i++) {
                    int v = scratch[i];
                    out[i] = 0xFF000000 | (v << 16) | (v << 8) | v;
                }
            }
            default -> image.getRGB(x, y, w, 1, out, 0, w);
        }
    }

    /** A pixel composed over white paper (screenshots and PNGs may be transparent). */
    private static int onWhite(int argb) {
        int a = argb >>> 24;
        if (a == 0xFF) {
            return argb;
        }
        int r = ((argb >>> 16) & 0xFF) * a / 255 + 255 - a;
        int g = ((argb >>> 8) & 0xFF) * a / 255 + 255 - a;
        int b = (argb & 0xFF) * a / 255 + 255 - a;
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    /** The grey of the paper: the median of the light half of the picture's levels. */
    private static int paperLevel(int[] hist) {
        long total = 0;
        for (int i = 128; i < 256; i++) {
            total += hist[i];
        }
        if (total == 0) {
            return 255;
        }
        long seen = 0;
        for (int i = 128; i < 256; i++) {
            seen += hist[i];
            if (seen * 2 >= total) {
                return i;
            }
        }
        return 255;
    }

    /** Rotates by {@code -tiltDegrees} about the centre, bilinear, uncovered corners in the paper's grey. */
    private static GreyImage rotate(GreyImage grey, double tiltDegrees, int paper) {
        int w = grey.width();
        int h = grey.height();
        byte[] src = grey.pixels();
        byte[] out = new byte[w * h];
        double rad = Math.toRadians(tiltDegrees);
        double cos = Math.cos(rad);
        double sin = Math.sin(rad);
        double cx = w / 2.0;
        double cy = h / 2.0;
        for (int y = 0; y < h; y++) {
            double dy = y + 0.5 - cy;
            for (int x = 0; x < w; x++) {
                double dx = x + 0.5 - cx;
                // The source point that rotating by -tilt brings here.
                double sx = cos * dx - sin * dy + cx - 0.5;
                double sy = sin * dx + cos * dy + cy - 0.5;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                int v;
                if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) {
                    v = paper;
                } else {
                    double fx = sx - x0;
                    double fy = sy - y0;
                    int i = y0 * w + x0;
                    double top = (src[i] & 0xFF) * (1 - fx) + (src[i + 1] & 0xFF) * fx;
                    double bottom = (src[i + w] & 0xFF) * (1 - fx) + (src[i + w + 1] & 0xFF) * fx;
                    v = (int) Math.round(top * (1 - fy) + bottom * fy);
                }
                out[y * w + x] = (byte) v;
            }
        }
        return new GreyImage(out, w, h);
    }
}
