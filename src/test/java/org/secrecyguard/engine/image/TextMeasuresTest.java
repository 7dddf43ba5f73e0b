package org.secrecyguard.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Text height, tilt, resampling: the measurements that decide how a crop is scaled for OCR. */
class TextMeasuresTest {
    private static GreyImage text(int fontPx, double angle) {
        BufferedImage img = new BufferedImage(900, 400, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 900, 400);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.rotate(Math.toRadians(angle), 450, 200);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontPx));
        for (int i = 0; i < 4; i++) {
            g.drawString("000123 HELLO 2026 WORLD", 60, 110 + i * (int) (fontPx * 1.6));
        }
        g.dispose();
        byte[] px = new byte[900 * 400];
        img.getRaster().getDataElements(0, 0, 900, 400, px);
        return new GreyImage(px, 900, 400);
    }

    @Test
    void measuresCharacterHeight() {
        for (int fontPx : new int[] {16, 30, 48}) {
            int h = TextHeight.estimate(text(fontPx, 0));
            // Capitals and digits are about 0.72 of the font size.
            assertEquals(fontPx * 0.72, h, fontPx * 0.15 + 2, "font " + fontPx);
        }
    }

    @Test
    void blankPaperHasNoText() {
        byte[] px = new byte[400 * 300];
        java.util.Arrays.fill(px, (byte) 235);
        assertEquals(-1, TextHeight.estimate(new GreyImage(px, 400, 300)));
    }

    @Test
    void greyCanvasBesideWhitePaperIsNotInk() {
        int[] hist = new int[256];
        hist[255] = 50_000;
        hist[230] = 20_000; // an editor's grey canvas
        assertEquals(-1, TextHeight.inkThreshold(hist));
        hist[20] = 2_000; // and now some black text
        int t = TextHeight.inkThreshold(hist);
        assertTrue(t >= 20 && t < 230, "threshold " + t);
    }

    @Test
    void estimatesTiltOfTextLines() {
        for (double angle : new double[] {-5, -2, 0, 3}) {
            GreyImage img = text(28, angle);
            double tilt = SkewEstimator.estimate(img, 128);
            assertEquals(angle, tilt, 0.5, "angle " + angle);
        }
    }

    @Test
    void resamplingKeepsPaperWhiteAndInkDark() {
        GreyImage img = text(30, 0);
        GreyImage half = Resampler.resize(img, 450, 200);
        GreyImage twice = Resampler.resize(img, 1800, 800);
        assertEquals(255, half.at(5, 5));
        assertEquals(255, twice.at(10, 10));
        int h = TextHeight.estimate(half);
        assertEquals(TextHeight.estimate(img) / 2.0, h, 2.5);
        assertEquals(TextHeight.estimate(img) * 2.0, TextHeight.estimate(twice), 4);
    }
}
