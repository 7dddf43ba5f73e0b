package org.secrecyguard.engine.image;

/** Grey levels (0 black .. 255 white) from packed ARGB pixels, and the Otsu threshold of a histogram. */
public final class Luminance {
    private Luminance() {
    }

    /** Rec. 601 luma of one ARGB pixel, 0..255. */
    public static int of(int argb) {
        int r = (argb >>> 16) & 0xFF;
        int g = (argb >>> 8) & 0xFF;
        int b = argb & 0xFF;
        return (r * 299 + g * 587 + b * 114 + 500) / 1000;
    }

    /** Luma of every pixel. */
    public static int[] of(int[] argb, int width, int height) {
        int[] lum = new int[width * height];
        for (int i = 0; i < lum.length; i++) {
            lum[i] = of(argb[i]);
        }
        return lum;
    }

    /** Otsu's threshold over a 256-bin histogram: levels {@code <=} the result are the dark class. */
    public static int otsu(int[] histogram) {
        long total = 0;
        long sum = 0;
        for (int i = 0; i < 256; i++) {
            total += histogram[i];
            sum += (long) i * histogram[i];
        }
        if (total == 0) {
            return 127;
        }
        long weightDark = 0;
        long sumDark = 0;
        double best = -1;
        int threshold = 127;
        for (int t = 0; t < 256; t++) {
            weightDark += histogram[t];
            if (weightDark == 0) {
                continue;
            }
            long weightLight = total - weightDark;
            if (weightLight == 0) {
                break;
            }
            sumDark += (long) t * histogram[t];
            double meanDark = sumDark / (double) weightDark;
            double meanLight = (sum - sumDark) / (double) weightLight;
            double between = (double) weightDark * weightLight * (meanDark - meanLight) * (meanDark - meanLight);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }
}
