package org.secrecyguard.extract;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * Renders a parsed metafile for OCR: at the limits' DPI, scaled up so that the long side has at least
 * {@value #MIN_LONG_SIDE} px (a picture placed at a few centimetres would give text too small to read) and
 * down so that it has at most {@value #MAX_LONG_SIDE} px and {@value #MAX_PIXELS} pixels (memory).
 */
final class MetafileRenderer {
    static final int MIN_LONG_SIDE = 1600;
    static final int MAX_LONG_SIDE = 4000;
    static final long MAX_PIXELS = 8_000_000L;
    /** POI draws every record in one call that cannot be interrupted: bigger metafiles are not rendered. */
    static final int MAX_RECORDS = 100_000;

    private MetafileRenderer() {
    }

    /** The rendered picture on white, or null when it has no size, too many records or cannot be drawn. */
    static BufferedImage render(MetafileText.Metafile m, int dpi) {
        if (m.size() == null || m.drawer() == null || m.records() > MAX_RECORDS) {
            return null;
        }
        double w = m.size().getWidth();
        double h = m.size().getHeight();
        double scale = dpi / 72.0;
        double longSide = Math.max(w, h);
        scale = Math.max(scale, MIN_LONG_SIDE / longSide);
        scale = Math.min(scale, MAX_LONG_SIDE / longSide);
        scale = Math.min(scale, Math.sqrt(MAX_PIXELS / (w * h)));
        int pw = (int) Math.max(1, Math.round(w * scale));
        int ph = (int) Math.max(1, Math.round(h * scale));
        BufferedImage image = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, pw, ph);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            m.drawer().accept(g, new Rectangle2D.Double(0, 0, pw, ph));
            return image;
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) { // NOPMD: a picture that cannot be drawn is noted by the caller; the rest of the file still counts
            return null;
        } finally {
            g.dispose();
        }
    }
}
