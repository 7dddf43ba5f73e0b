package org.secrecyguard.engine.image;

/**
 * Finds the sheet of paper in a picture: the page in a phone photo (desk around it, uneven light),
 * the white page inside an editor window in a screenshot (grey canvas, toolbars). When the picture
 * is all page (a scan, a rendered PDF page, a crop) it answers with the whole picture.
 *
 * <p>How: the picture is lightly smoothed and bright, smooth areas are grown from the brightest seeds,
 * joining neighbours whose grey level differs by only a few steps. Paper under uneven light changes
 * slowly and joins up; the edge of the page (a step to the desk, the editor's grey canvas or the
 * page's shadow) stops the growth; letters are holes. The largest grown area is the page. Pure Java,
 * immutable, thread-safe; meant for an overview of about 1000 pixels on the longest side.
 */
public final class PageFinder {
    private static final int MAX_NEIGHBOUR_STEP = 4;

    /** The page, or the whole picture when no distinct page stands out. */
    public PageRegion find(int[] argb, int width, int height) {
        if (width < 16 || height < 16) {
            return PageRegion.whole(width, height);
        }
        int[] lum = smooth(Luminance.of(argb, width, height), width, height);
        int brightSeed = percentile(lum, 0.85);
        int[] label = new int[lum.length];
        int[] queue = new int[lum.length];
        int bestLabel = 0;
        int bestSize = 0;
        int next = 1;
        int stride = Math.max(1, Math.min(width, height) / 64);
        for (int y = 0; y < height; y += stride) {
            for (int x = 0; x < width; x += stride) {
                int i = y * width + x;
                if (label[i] != 0 || lum[i] < brightSeed) {
                    continue;
                }
                int size = grow(lum, width, height, i, next, label, queue);
                if (size > bestSize) {
                    bestSize = size;
                    bestLabel = next;
                }
                next++;
            }
        }
        if (bestSize < lum.length / 10) {
            return PageRegion.whole(width, height);
        }
        Region bounds = robustBounds(label, bestLabel, width, height);
        boolean fillsPicture = bounds.width() >= width * 0.95 && bounds.height() >= height * 0.95;
        if (fillsPicture || bounds.area() < (long) width * height / 12) {
            return PageRegion.whole(width, height);
        }
        // A little room for the page corners that a tilt pushes outside the robust bounds.
        int padX = Math.max(2, bounds.width() / 50);
        int padY = Math.max(2, bounds.height() / 50);
        Region padded = new Region(bounds.x() - padX, bounds.y() - padY,
                bounds.width() + 2 * padX, bounds.height() + 2 * padY).clip(width, height);
        return new PageRegion(padded, true, mask(label, bestLabel, width, height));
    }

    /** Row and column extents of the page, widened by a pixel to keep its blurred edge. */
    private static PageMask mask(int[] label, int id, int width, int height) {
        int[] rowLeft = new int[height];
        int[] rowRight = new int[height];
        int[] colTop = new int[width];
        int[] colBottom = new int[width];
        java.util.Arrays.fill(rowLeft, Integer.MAX_VALUE);
        java.util.Arrays.fill(rowRight, -1);
        java.util.Arrays.fill(colTop, Integer.MAX_VALUE);
        java.util.Arrays.fill(colBottom, -1);
        for (int y = 0; y < height; y++) {
            int base = y * width;
            for (int x = 0; x < width; x++) {
                if (label[base + x] == id) {
                    rowLeft[y] = Math.min(rowLeft[y], x);
                    rowRight[y] = Math.max(rowRight[y], x);
                    colTop[x] = Math.min(colTop[x], y);
                    colBottom[x] = Math.max(colBottom[x], y);
                }
            }
        }
        for (int y = 0; y < height; y++) {
            if (rowRight[y] >= 0) {
                rowLeft[y] = Math.max(0, rowLeft[y] - 1);
                rowRight[y] = rowRight[y] + 1;
            }
        }
        for (int x = 0; x < width; x++) {
            if (colBottom[x] >= 0) {
                colTop[x] = Math.max(0, colTop[x] - 1);
                colBottom[x] = colBottom[x] + 1;
            }
        }
        return new PageMask(width, height, rowLeft, rowRight, colTop, colBottom);
    }

    private static int grow(int[] lum, int width, int height, int seed, int id, int[] label, int[] queue) {
        int head = 0;
        int tail = 0;
        queue[tail++] = seed;
        label[seed] = id;
        int floor = lum[seed] * 55 / 100;
        while (head < tail) {
            int i = queue[head++];
            int x = i % width;
            int v = lum[i];
            if (x > 0) {
                tail = visit(lum, label, queue, tail, i - 1, v, floor, id);
            }
            if (x < width - 1) {
                tail = visit(lum, label, queue, tail, i + 1, v, floor, id);
            }
            if (i >= width) {
                tail = visit(lum, label, queue, tail, i - width, v, floor, id);
            }
            if (i < width * (height - 1)) {
                tail = visit(lum, label, queue, tail, i + width, v, floor, id);
            }
        }
        return tail;
    }

    private static int visit(int[] lum, int[] label, int[] queue, int tail, int n, int from, int floor, int id) {
        if (label[n] == 0 && lum[n] >= floor && Math.abs(lum[n] - from) <= MAX_NEIGHBOUR_STEP) {
            label[n] = id;
            queue[tail++] = n;
        }
        return tail;
    }

    /**
     * Bounds of a label ignoring rows and columns where it is only a thin sliver (a bright strip that
     * touches the page, or the tip of a tilted corner).
     */
    private static Region robustBounds(int[] label, int id, int width, int height) {
        int[] rows = new int[height];
        int[] cols = new int[width];
        for (int y = 0; y < height; y++) {
            int base = y * width;
            for (int x = 0; x < width; x++) {
                if (label[base + x] == id) {
                    rows[y]++;
                    cols[x]++;
                }
            }
        }
        int top = firstAbove(rows, max(rows) / 8, true);
        int bottom = firstAbove(rows, max(rows) / 8, false);
        int left = firstAbove(cols, max(cols) / 8, true);
        int right = firstAbove(cols, max(cols) / 8, false);
        return new Region(left, top, right - left + 1, bottom - top + 1);
    }

    private static int percentile(int[] values, double fraction) {
        int[] hist = new int[256];
        for (int v : values) {
            hist[v]++;
        }
        long want = (long) (values.length * fraction);
        long seen = 0;
        for (int i = 0; i < 256; i++) {
            seen += hist[i];
            if (seen > want) {
                return i;
            }
        }
        return 255;
    }

    private static int max(int[] values) {
        int m = 0;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static int firstAbove(int[] values, int min, boolean fromStart) {
        if (fromStart) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] > min) {
                    return i;
                }
            }
            return 0;
        }
        for (int i = values.length - 1; i >= 0; i--) {
            if (values[i] > min) {
                return i;
            }
        }
        return values.length - 1;
    }

    /** 3x3 box blur (two separable passes): damps JPEG and sensor noise so that paper grows smoothly. */
    private static int[] smooth(int[] lum, int width, int height) {
        int[] rows = new int[lum.length];
        for (int y = 0; y < height; y++) {
            int base = y * width;
            for (int x = 0; x < width; x++) {
                int l = lum[base + Math.max(0, x - 1)];
                int r = lum[base + Math.min(width - 1, x + 1)];
                rows[base + x] = l + lum[base + x] + r;
            }
        }
        int[] out = new int[lum.length];
        for (int y = 0; y < height; y++) {
            int up = Math.max(0, y - 1) * width;
            int down = Math.min(height - 1, y + 1) * width;
            int base = y * width;
            for (int x = 0; x < width; x++) {
                out[base + x] = (rows[up + x] + rows[base + x] + rows[down + x]) / 9;
            }
        }
        return out;
    }
}
