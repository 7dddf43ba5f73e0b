package org.secrecyguard.engine.image;

/**
 * The pixels of a page, as the extent it covers on each row and each column of the analysed
 * picture. A sheet of paper is convex, so a pixel inside both its row's and its column's extent is
 * on the page; letters and the red band (holes in the paper) count as page.
 */
public final class PageMask {
    private final int width;
    private final int height;
    private final int[] rowLeft;
    private final int[] rowRight;
    private final int[] colTop;
    private final int[] colBottom;

    PageMask(int width, int height, int[] rowLeft, int[] rowRight, int[] colTop, int[] colBottom) {
        this.width = width;
        this.height = height;
        this.rowLeft = rowLeft;
        this.rowRight = rowRight;
        this.colTop = colTop;
        this.colBottom = colBottom;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether (x, y) of the analysed picture lies on the page. */
    public boolean contains(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return false;
        }
        return x >= rowLeft[y] && x <= rowRight[y] && y >= colTop[x] && y <= colBottom[x];
    }
}
