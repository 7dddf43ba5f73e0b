package org.secrecyguard.ocr.samples;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws a {@link PageSpec} as an A4 page (210 x 297 mm) with the GB/T 9704-2012 layout: margins top
 * 37 mm and left 28 mm, a 156 mm text column, 三号 (16 pt) text, the red 发文机关标志 35 mm below the
 * top of the text area, the red rule under the 发文字号.
 */
public final class PageRenderer {
    /** Red of 红头 printing. */
    public static final Color PRINT_RED = new Color(0xD9, 0x12, 0x1A);
    private static final double PT = 25.4 / 72; // mm per point

    private PageRenderer() {
    }

    /** Renders the page at {@code pxPerMm} pixels per millimetre (150 dpi is about 5.9). */
    public static BufferedImage render(PageSpec spec, double pxPerMm) {
        int w = (int) Math.round(210 * pxPerMm);
        int h = (int) Math.round(297 * pxPerMm);
        BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            draw(g, spec, pxPerMm);
        } finally {
            g.dispose();
        }
        return page;
    }

    private static void draw(Graphics2D g, PageSpec spec, double mm) {
        SampleFonts fonts = SampleFonts.get();
        float sanhao = (float) (16 * PT * mm);
        double left = 28 * mm;
        double right = left + 156 * mm;
        double top = 37 * mm;
        double line = 28.9 * PT * mm; // 22 lines in the 225 mm text area
        double y = top + sanhao;
        Font hei = fonts.sans.deriveFont(sanhao);
        Font song = fonts.serif.deriveFont(sanhao);
        g.setColor(Color.BLACK);
        g.setFont(hei);
        if (spec.copyNumber() != null) {
            g.drawString(spec.copyNumber(), (float) left, (float) y);
            y += line;
        }
        if (spec.marking() != null) {
            float x = (float) left;
            if (spec.markingRight()) {
                x = (float) (right - g.getFontMetrics().stringWidth(spec.marking()));
            }
            g.drawString(spec.marking(), x, (float) y);
            y += line;
        }
        if (spec.urgency() != null) {
            g.drawString(spec.urgency(), (float) left, (float) y);
            y += line;
        }
        if (spec.issuer() != null) {
            // 发文机关标志: red 小标宋-like bold, its top 35 mm below the top of the text area.
            float size = (float) (16 * mm);
            Font big = fonts.serifBold.deriveFont(size);
            g.setFont(big);
            FontMetrics fm = g.getFontMetrics();
            double width = fm.stringWidth(spec.issuer());
            double maxWidth = 150 * mm;
            if (width > maxWidth) {
                big = big.deriveFont((float) (size * maxWidth / width));
                g.setFont(big);
                fm = g.getFontMetrics();
                width = fm.stringWidth(spec.issuer());
            }
            double bandTop = top + 35 * mm;
            y = Math.max(y, bandTop) + fm.getAscent() * 0.88;
            g.setColor(PRINT_RED);
            g.drawString(spec.issuer(), (float) ((left + right - width) / 2), (float) y);
            y += line * 2;
            g.setColor(Color.BLACK);
            g.setFont(song);
            if (spec.docNumber() != null) {
                double dw = g.getFontMetrics().stringWidth(spec.docNumber());
                g.drawString(spec.docNumber(), (float) ((left + right - dw) / 2), (float) y);
            }
            y += 4 * mm;
            g.setColor(PRINT_RED);
            g.fillRect((int) left, (int) y, (int) (156 * mm), Math.max(2, (int) Math.round(0.7 * mm)));
            g.setColor(Color.BLACK);
            y += line * 2;
        } else {
            y += line;
        }
        Font titleFont = fonts.serifBold.deriveFont((float) (22 * PT * mm));
        g.setFont(titleFont);
        y = drawWrapped(g, spec.title(), left + 8 * mm, right - 8 * mm, y, line * 1.3, true);
        y += line * 0.5;
        g.setFont(song);
        for (String paragraph : spec.body()) {
            if (y > 297 * mm - 35 * mm) {
                break;
            }
            y = drawWrapped(g, "\u3000\u3000" + paragraph, left, right, y, line, false);
        }
    }

    private static double drawWrapped(Graphics2D g, String text, double left, double right, double y,
                                      double line, boolean centre) {
        FontMetrics fm = g.getFontMetrics();
        int start = 0;
        while (start < text.length()) {
            int end = start + 1;
            while (end < text.length() && fm.stringWidth(text.substring(start, end + 1)) <= right - left) {
                end++;
            }
            String part = text.substring(start, end);
            double x = centre ? (left + right - fm.stringWidth(part)) / 2 : left;
            g.drawString(part, (float) x, (float) y);
            y += line;
            start = end;
        }
        return y;
    }
}
