package org.secrecyguard.engine.image;

/**
 * An axis-aligned rectangle of pixels: x and y of the top-left corner, width and height.
 */
public record Region(int x, int y, int width, int height) {
    public Region {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative size " + width + "x" + height);
        }
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public long area() {
        return (long) width * height;
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** This region scaled by {@code factor} (e.g. from an overview back to the full picture). */
    public Region scaled(double factor) {
        int nx = (int) Math.floor(x * factor);
        int ny = (int) Math.floor(y * factor);
        int nr = (int) Math.ceil(right() * factor);
        int nb = (int) Math.ceil(bottom() * factor);
        return new Region(nx, ny, nr - nx, nb - ny);
    }

    /** The part of this region inside {@code width} x {@code height} pixels starting at (0, 0). */
    public Region clip(int imageWidth, int imageHeight) {
        int nx = Math.max(0, Math.min(x, imageWidth));
        int ny = Math.max(0, Math.min(y, imageHeight));
        int nr = Math.max(nx, Math.min(right(), imageWidth));
        int nb = Math.max(ny, Math.min(bottom(), imageHeight));
        return new Region(nx, ny, nr - nx, nb - ny);
    }
}
