package org.secrecyguard.engine.image;

/**
 * Estimates how much the text lines of a grey picture are tilted (a phone photo is rarely square to
 * the page), so that the OCR crop can be straightened: Tesseract's LSTM reads tilted lines of a few
 * degrees noticeably worse. The tilt is the angle at which the row profile of ink pixels is sharpest,
 * searched from -7° to +7°. Pure Java, stateless.
 */
public final class SkewEstimator {
    private static final double MAX_DEGREES = 7.0;
    private static final double STEP_DEGREES = 0.25;

    private SkewEstimator() {
    }

    /**
     * The tilt in degrees (positive: lines fall to the right), 0 when there is too little ink to tell.
     *
     * @param inkThreshold grey level at or below which a pixel is ink
     */
    public static double estimate(GreyImage image, int inkThreshold) {
        int w = image.width();
        int h = image.height();
        byte[] px = image.pixels();
        int n = 0;
        for (byte p : px) {
            if ((p & 0xFF) <= inkThreshold) {
                n++;
            }
        }
        if (n < 50) {
            return 0;
        }
        // Subsample dense ink so that the search stays cheap on large crops.
        int every = Math.max(1, n / 60_000);
        int[] xs = new int[n / every + 1];
        int[] ys = new int[xs.length];
        int k = 0;
        int seen = 0;
        for (int i = 0; i < px.length && k < xs.length; i++) {
            if ((px[i] & 0xFF) <= inkThreshold && seen++ % every == 0) {
                xs[k] = i % w;
                ys[k] = i / w;
                k++;
            }
        }
        return bestTilt(xs, ys, k, w, h);
    }

    /**
     * The tilt (−7° to +7°, in quarter degrees) at which the row profile of the given points is
     * sharpest: the sum of squared row counts is largest. Ties go to the smaller tilt, so that a level
     * page stays level.
     *
     * @param count  how many of the points in xs/ys to use
     * @param width  width of the area the points lie in (tilts turn about its middle)
     * @param height height of that area
     */
    static double bestTilt(int[] xs, int[] ys, int count, int width, int height) {
        int margin = (int) Math.ceil(width / 2.0 * Math.tan(Math.toRadians(MAX_DEGREES))) + 1;
        int[] hist = new int[height + 2 * margin + 1];
        double best = 0;
        long bestScore = -1;
        int steps = (int) Math.round(MAX_DEGREES / STEP_DEGREES);
        for (int s = -steps; s <= steps; s++) {
            double deg = s * STEP_DEGREES;
            double tan = Math.tan(Math.toRadians(deg));
            java.util.Arrays.fill(hist, 0);
            for (int i = 0; i < count; i++) {
                hist[(int) Math.round(ys[i] - (xs[i] - width / 2.0) * tan) + margin]++;
            }
            long score = 0;
            for (int v : hist) {
                score += (long) v * v;
            }
            if (score > bestScore || (score == bestScore && Math.abs(deg) < Math.abs(best))) {
                bestScore = score;
                best = deg;
            }
        }
        return best;
    }
}
