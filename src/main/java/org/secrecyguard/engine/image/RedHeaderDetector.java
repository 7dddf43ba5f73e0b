package org.secrecyguard.engine.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the red 发文机关标志 band ("××市人民政府文件") and the red rule of a 红头文件 in the upper part
 * of a picture: a scan, a phone photo (tilted up to about ±7°, unevenly lit, JPEG-noisy, with desk
 * around the page) or a screenshot (the page inside an editor window).
 *
 * <p>Works on packed ARGB pixels only (no AWT, no I/O) so the engine can use and test it alone. Large
 * pictures are pooled onto a grid of at most {@value #GRID} cells on the longest side first; the cost
 * is one pass over the pixels plus a small projection search for the tilt.
 *
 * <p>How: red cells are projected onto rows for tilts from -7° to +7°; the tilt whose row profile is
 * sharpest straightens the header. Runs of red rows are then judged by shape: a band is several times
 * wider than high, text-like (partly filled, broken into glyphs), and stands in the upper part; a
 * rule is thin and nearly unbroken. Instances are immutable and thread-safe.
 */
public final class RedHeaderDetector {
    static final int GRID = 1000;
    private static final double MAX_TILT_DEGREES = 7.0;

    /** Looks for a red header; returns {@link RedHeader#NONE} when there is none. */
    public RedHeader detect(int[] argb, int width, int height) {
        if (width <= 0 || height <= 0 || argb.length < (long) width * height) {
            throw new IllegalArgumentException("pixel array does not match " + width + "x" + height);
        }
        int step = Math.max(1, (Math.max(width, height) + GRID - 1) / GRID);
        int gw = (width + step - 1) / step;
        int gh = (height + step - 1) / step;
        int[] cellCount = new int[gw * gh];
        for (int y = 0; y < height; y++) {
            int row = (y / step) * gw;
            int base = y * width;
            for (int x = 0; x < width; x++) {
                if (RedPixels.isRed(argb[base + x])) {
                    cellCount[row + x / step]++;
                }
            }
        }
        // A cell is red when red pixels could form at least half a one-pixel line across it: keeps a
        // thin rule visible after pooling while isolated JPEG speckles stay below the bar.
        int minCount = Math.max(1, (step + 1) / 2);
        int n = 0;
        for (int c : cellCount) {
            if (c >= minCount) {
                n++;
            }
        }
        if (n < 30 || n > gw * gh * 3L / 10) {
            return RedHeader.NONE; // no red print, or a red picture rather than red print on paper
        }
        int[] xs = new int[n];
        int[] ys = new int[n];
        int k = 0;
        for (int i = 0; i < cellCount.length; i++) {
            if (cellCount[i] >= minCount) {
                xs[k] = i % gw;
                ys[k] = i / gw;
                k++;
            }
        }
        Grid grid = new Grid(gw, gh, xs, ys);
        double tilt = grid.bestTilt();
        RedHeader onGrid = grid.classify(tilt);
        if (!onGrid.found() && !onGrid.hasRule()) {
            return RedHeader.NONE;
        }
        RedHeader full = onGrid.scaled(step, 0, 0);
        return new RedHeader(full.found(), full.confidence(), full.bandTop(),
                Math.min(height - 1, full.bandBottom() + (full.found() ? step - 1 : 0)),
                full.bandLeft(), full.found() ? Math.min(width - 1, full.bandRight() + step - 1) : -1,
                full.ruleY(), full.angleDegrees());
    }

    /** Red cells of the pooled grid and the analysis over them. */
    private static final class Grid {
        private final int gw;
        private final int gh;
        private final int[] xs;
        private final int[] ys;
        private final int margin;

        Grid(int gw, int gh, int[] xs, int[] ys) {
            this.gw = gw;
            this.gh = gh;
            this.xs = xs;
            this.ys = ys;
            this.margin = (int) Math.ceil(gw / 2.0 * Math.tan(Math.toRadians(MAX_TILT_DEGREES))) + 1;
        }

        /** Row index of cell i at a tilt, shifted by the margin so that it is never negative. */
        private int projectedRow(int i, double tan) {
            return (int) Math.round(ys[i] - (xs[i] - gw / 2.0) * tan) + margin;
        }

        double bestTilt() {
            return SkewEstimator.bestTilt(xs, ys, xs.length, gw, gh);
        }

        RedHeader classify(double tiltDegrees) {
            double tan = Math.tan(Math.toRadians(tiltDegrees));
            int rows = gh + 2 * margin + 1;
            int[] profile = new int[rows];
            int[] rowOf = new int[xs.length];
            for (int i = 0; i < xs.length; i++) {
                rowOf[i] = projectedRow(i, tan);
                profile[rowOf[i]]++;
            }
            List<Run> runs = runs(profile, Math.max(2, gw / 100));
            Run band = null;
            for (Run run : runs) {
                measure(run, rowOf);
                if (isBand(run) && (band == null || run.mass > band.mass)) {
                    band = run;
                }
            }
            Run rule = null;
            for (Run run : runs) {
                if (!isRule(run)) {
                    continue;
                }
                if (band != null) {
                    int bandHeight = band.bottom - band.top + 1;
                    boolean below = run.top > band.bottom && run.top - band.bottom <= 8 * bandHeight;
                    if (below && (rule == null || run.top < rule.top)) {
                        rule = run;
                    }
                } else if (run.top - margin < gh * 0.7 && (rule == null || run.top < rule.top)) {
                    rule = run;
                }
            }
            if (band == null && rule == null) {
                return RedHeader.NONE;
            }
            int ruleY = rule == null ? -1 : (rule.top + rule.bottom) / 2 - margin;
            if (band == null) {
                return new RedHeader(false, 0.3, -1, -1, -1, -1, ruleY, tiltDegrees);
            }
            double confidence = 0.6;
            if (rule != null) {
                confidence += 0.3;
            }
            double centre = (band.left + band.right) / 2.0;
            if (Math.abs(centre - gw / 2.0) < gw * 0.12) {
                confidence += 0.1;
            }
            return new RedHeader(true, Math.min(1.0, confidence), band.top - margin, band.bottom - margin,
                    band.left, band.right, ruleY, tiltDegrees);
        }

        private boolean isBand(Run run) {
            int height = run.bottom - run.top + 1;
            int width = run.right - run.left + 1;
            if (height < 5 || width < 2.5 * height || width < gw * 0.15) {
                return false;
            }
            if (run.top - margin > Math.max(gh, gw) * 0.6) {
                return false; // a red header stands in the upper part of the page (or of a header crop)
            }
            double fill = run.mass / (double) (height * width);
            // Glyphs: partly filled, broken into several pieces. A solid red bar or banner is not a header.
            return fill >= 0.08 && fill <= 0.85 && run.coverage >= 0.35 && run.pieces >= 3;
        }

        private boolean isRule(Run run) {
            int height = run.bottom - run.top + 1;
            int width = run.right - run.left + 1;
            return height <= Math.max(4, gh / 80) && width >= gw * 0.2 && width >= 12 * height
                    && run.coverage >= 0.75;
        }

        /** Fills in a run's horizontal extent, coverage and number of pieces. */
        private void measure(Run run, int[] rowOf) {
            boolean[] cols = new boolean[gw];
            int left = gw;
            int right = -1;
            int mass = 0;
            for (int i = 0; i < xs.length; i++) {
                if (rowOf[i] >= run.top && rowOf[i] <= run.bottom) {
                    cols[xs[i]] = true;
                    mass++;
                }
            }
            for (int x = 0; x < gw; x++) {
                if (cols[x]) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
            int covered = 0;
            int pieces = 0;
            for (int x = left; x <= right; x++) {
                if (cols[x]) {
                    covered++;
                    if (x == left || !cols[x - 1]) {
                        pieces++;
                    }
                }
            }
            run.left = left;
            run.right = right;
            run.mass = mass;
            run.coverage = right < left ? 0 : covered / (double) (right - left + 1);
            run.pieces = pieces;
        }

        /**
         * Runs of rows with at least {@code min} red cells. Gaps of a few rows inside a run are bridged
         * (glyphs have rows with little red between their parts).
         */
        private static List<Run> runs(int[] profile, int min) {
            List<Run> raw = new ArrayList<>();
            int start = -1;
            for (int y = 0; y <= profile.length; y++) {
                boolean on = y < profile.length && profile[y] >= min;
                if (on && start < 0) {
                    start = y;
                } else if (!on && start >= 0) {
                    raw.add(new Run(start, y - 1));
                    start = -1;
                }
            }
            List<Run> merged = new ArrayList<>();
            for (Run r : raw) {
                if (!merged.isEmpty()) {
                    Run last = merged.get(merged.size() - 1);
                    int gap = r.top - last.bottom - 1;
                    int smaller = Math.min(last.bottom - last.top + 1, r.bottom - r.top + 1);
                    // Bridge gaps inside glyph rows, but never swallow a thin rule into a band.
                    if (gap <= Math.max(1, smaller / 3) && smaller > 4) {
                        last.bottom = r.bottom;
                        continue;
                    }
                }
                merged.add(r);
            }
            return merged;
        }
    }

    private static final class Run {
        int top;
        int bottom;
        int left;
        int right;
        int mass;
        int pieces;
        double coverage;

        Run(int top, int bottom) {
            this.top = top;
            this.bottom = bottom;
        }
    }
}
