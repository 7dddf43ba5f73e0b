package org.secrecyguard.engine.image;

import java.util.Arrays;

/**
 * Estimates the height of the printed characters in a grey picture, so that OCR can scale each
 * region to the text size Tesseract reads best (and no larger, which only costs time).
 *
 * <p>How: dark ink is separated from paper with Otsu's threshold (only when the two differ clearly),
 * connected pieces of ink are labelled, and the upper quartile of the heights of letter-sized pieces
 * is taken: Chinese characters are made of several pieces, but most of them (and every digit) span
 * nearly the full character height. Pure Java, stateless, thread-safe.
 */
public final class TextHeight {
    private static final int MIN_CONTRAST = 40;

    private TextHeight() {
    }

    /** The character height in pixels, or -1 when the picture holds no readable-looking ink. */
    public static int estimate(GreyImage image) {
        int threshold = inkThreshold(image.histogram());
        if (threshold < 0) {
            return -1;
        }
        int w = image.width();
        int h = image.height();
        byte[] px = image.pixels();
        int[] parent = new int[w * h / 2 + 2];
        int[] labels = new int[w * h];
        int next = 1;
        parent[0] = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if ((px[i] & 0xFF) > threshold) {
                    continue;
                }
                int left = x > 0 ? labels[i - 1] : 0;
                int up = y > 0 ? labels[i - w] : 0;
                int upLeft = x > 0 && y > 0 ? labels[i - w - 1] : 0;
                int upRight = x < w - 1 && y > 0 ? labels[i - w + 1] : 0;
                int l = firstNonZero(left, up, upLeft, upRight);
                if (l == 0) {
                    if (next >= parent.length) {
                        parent = Arrays.copyOf(parent, parent.length * 2);
                    }
                    parent[next] = next;
                    l = next++;
                } else {
                    union(parent, l, left);
                    union(parent, l, up);
                    union(parent, l, upLeft);
                    union(parent, l, upRight);
                }
                labels[i] = l;
            }
        }
        int[] top = new int[next];
        int[] bottom = new int[next];
        int[] left = new int[next];
        int[] right = new int[next];
        int[] count = new int[next];
        Arrays.fill(top, Integer.MAX_VALUE);
        Arrays.fill(left, Integer.MAX_VALUE);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int l = labels[y * w + x];
                if (l == 0) {
                    continue;
                }
                int r = find(parent, l);
                count[r]++;
                top[r] = Math.min(top[r], y);
                bottom[r] = Math.max(bottom[r], y);
                left[r] = Math.min(left[r], x);
                right[r] = Math.max(right[r], x);
            }
        }
        int[] heights = new int[next];
        int n = 0;
        for (int r = 1; r < next; r++) {
            if (count[r] < 6) {
                continue;
            }
            int ch = bottom[r] - top[r] + 1;
            int cw = right[r] - left[r] + 1;
            // Letter-sized: not a speck, not a rule or a frame, not a picture or a whole block.
            if (ch >= 4 && cw <= 3 * ch && ch <= h / 2 + 1 && ch <= 4 * cw + 4) {
                heights[n++] = ch;
            }
        }
        if (n < 3) {
            return -1;
        }
        Arrays.sort(heights, 0, n);
        return heights[Math.min(n - 1, (int) (n * 0.75))];
    }

    /**
     * The grey level at or below which a pixel is ink, or -1 when the picture has no clear ink. Otsu's
     * split, but never closer than {@value #MIN_CONTRAST} levels below the paper (the most common
     * light level): a grey editor canvas or a shadow next to white paper is not ink.
     */
    public static int inkThreshold(int[] hist) {
        int paper = 128;
        for (int i = 128; i < 256; i++) {
            if (hist[i] > hist[paper]) {
                paper = i;
            }
        }
        int threshold = Math.min(Luminance.otsu(hist), paper - MIN_CONTRAST);
        if (threshold <= 0 || contrast(hist, threshold) < MIN_CONTRAST) {
            return -1;
        }
        return threshold;
    }

    private static int contrast(int[] hist, int threshold) {
        long darkSum = 0;
        long dark = 0;
        long lightSum = 0;
        long light = 0;
        for (int i = 0; i < 256; i++) {
            if (i <= threshold) {
                dark += hist[i];
                darkSum += (long) i * hist[i];
            } else {
                light += hist[i];
                lightSum += (long) i * hist[i];
            }
        }
        if (dark == 0 || light == 0) {
            return 0;
        }
        return (int) (lightSum / light - darkSum / dark);
    }

    private static int firstNonZero(int a, int b, int c, int d) {
        return a != 0 ? a : b != 0 ? b : c != 0 ? c : d;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        if (b == 0) {
            return;
        }
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
