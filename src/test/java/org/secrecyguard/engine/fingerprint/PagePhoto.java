package org.secrecyguard.engine.fingerprint;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Renders a notice as a printed page (Java2D, Noto Sans CJK) and turns it into something like a phone
 * photo of that page: the header and marking covered by a sheet of paper, a slight rotation, uneven
 * light, sensor noise, a lower resolution and JPEG compression at quality 50. Deterministic per seed.
 */
final class PagePhoto {
    static final File FONT_FILE = new File("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

    /** How hard the photo is on OCR. */
    record Degradation(String name, double rotationDegrees, double noiseSigma, double scale, float jpegQuality) {
        static final Degradation MODERATE = new Degradation("moderate", 1.2, 10, 0.85, 0.5f);
        static final Degradation HARD = new Degradation("hard", 2.5, 18, 0.7, 0.5f);
    }

    private static final int PAGE_WIDTH = 1240;
    private static final int MARGIN = 110;
    private static final int BODY_SIZE = 30;
    private static final Font BASE = loadFont();

    private PagePhoto() {
    }

    /**
     * JPEG bytes of a photo of the first page of {@code notice}, at most {@code maxBodyLines} lines of
     * body, with the header (copy number, marking, issuer, document number) covered when asked.
     */
    static byte[] photo(Notice notice, int maxBodyLines, boolean coverHeader, Degradation d, long seed) {
        BufferedImage page = render(notice, maxBodyLines, coverHeader);
        BufferedImage photo = degrade(page, d, new Random(seed));
        return jpeg(photo, d.jpegQuality());
    }

    static BufferedImage render(Notice notice, int maxBodyLines, boolean coverHeader) {
        Font body = BASE.deriveFont(Font.PLAIN, BODY_SIZE);
        Font title = BASE.deriveFont(Font.BOLD, 38f);
        Font issuer = BASE.deriveFont(Font.BOLD, 56f);
        int lineHeight = (int) (BODY_SIZE * 1.75);
        BufferedImage measure = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D mg = measure.createGraphics();
        List<String> lines = new ArrayList<>();
        int textWidth = PAGE_WIDTH - 2 * MARGIN;
        List<String> bodyLines = notice.bodyLines();
        for (int i = 1; i < bodyLines.size(); i++) {
            boolean indent = i > 1 && i < bodyLines.size() - 2;
            lines.addAll(wrap((indent ? "　　" : "") + bodyLines.get(i), mg.getFontMetrics(body), textWidth));
        }
        mg.dispose();
        if (lines.size() > maxBodyLines) {
            lines = lines.subList(0, maxBodyLines);
        }
        int headerHeight = 330;
        int height = headerHeight + 90 + lines.size() * lineHeight + MARGIN;
        BufferedImage img = new BufferedImage(PAGE_WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, PAGE_WIDTH, height);
        // Header: copy number and marking top left, red issuer centred, document number, red rule.
        g.setColor(Color.BLACK);
        g.setFont(body);
        int y = 90;
        if (notice.copyNumber() != null) {
            g.drawString(notice.copyNumber(), MARGIN, y);
        }
        if (notice.marking() != null) {
            g.drawString(notice.marking(), MARGIN, y + lineHeight);
        }
        g.setColor(new Color(0xD0, 0x10, 0x10));
        g.setFont(issuer);
        centre(g, notice.issuer(), y + 2 * lineHeight + 30);
        g.setColor(Color.BLACK);
        g.setFont(body);
        centre(g, notice.documentNumber(), headerHeight - 40);
        g.setColor(new Color(0xD0, 0x10, 0x10));
        g.fillRect(MARGIN, headerHeight - 20, textWidth, 4);
        g.setColor(Color.BLACK);
        g.setFont(title);
        centre(g, notice.title(), headerHeight + 50);
        g.setFont(body);
        y = headerHeight + 50 + 70;
        for (String line : lines) {
            g.drawString(line, MARGIN, y);
            y += lineHeight;
        }
        if (coverHeader) {
            // A sheet of paper laid over the header, slightly off-white, with its own shadow edge.
            g.setColor(new Color(0xEE, 0xEC, 0xE6));
            g.fillRect(0, 0, PAGE_WIDTH, headerHeight - 8);
            g.setColor(new Color(0xB0, 0xAE, 0xA8));
            g.fillRect(0, headerHeight - 8, PAGE_WIDTH, 3);
        }
        g.dispose();
        return img;
    }

    static BufferedImage degrade(BufferedImage page, Degradation d, Random random) {
        int w = (int) (page.getWidth() * d.scale());
        int h = (int) (page.getHeight() * d.scale());
        int pad = 40;
        BufferedImage out = new BufferedImage(w + 2 * pad, h + 2 * pad, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(new Color(0x6A, 0x5E, 0x52)); // the desk under the page
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        double angle = Math.toRadians(d.rotationDegrees() * (random.nextBoolean() ? 1 : -1));
        AffineTransform t = new AffineTransform();
        t.translate(out.getWidth() / 2.0, out.getHeight() / 2.0);
        t.rotate(angle);
        t.scale(d.scale(), d.scale());
        t.translate(-page.getWidth() / 2.0, -page.getHeight() / 2.0);
        g.drawImage(page, t, null);
        g.dispose();
        // Uneven light (darker towards one corner) and Gaussian sensor noise.
        double cx = random.nextDouble() * out.getWidth();
        double cy = random.nextDouble() * out.getHeight();
        double diag = Math.hypot(out.getWidth(), out.getHeight());
        for (int yy = 0; yy < out.getHeight(); yy++) {
            for (int xx = 0; xx < out.getWidth(); xx++) {
                int rgb = out.getRGB(xx, yy);
                double light = 1.0 - 0.22 * Math.hypot(xx - cx, yy - cy) / diag;
                double n = random.nextGaussian() * d.noiseSigma();
                int r = clamp(((rgb >> 16) & 0xFF) * light + n);
                int gg = clamp(((rgb >> 8) & 0xFF) * light + n);
                int b = clamp((rgb & 0xFF) * light * 0.97 + n);
                out.setRGB(xx, yy, (r << 16) | (gg << 8) | b);
            }
        }
        return out;
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            writer.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> wrap(String text, java.awt.FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            line.append(text.charAt(i));
            if (fm.stringWidth(line.toString()) > width) {
                line.setLength(line.length() - 1);
                lines.add(line.toString());
                line.setLength(0);
                line.append(text.charAt(i));
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void centre(Graphics2D g, String s, int y) {
        int w = g.getFontMetrics().stringWidth(s);
        g.drawString(s, (PAGE_WIDTH - w) / 2, y);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static Font loadFont() {
        try {
            for (Font f : Font.createFonts(FONT_FILE)) {
                if (f.getFamily().equals("Noto Sans CJK SC")) {
                    return f;
                }
            }
            throw new IllegalStateException("Noto Sans CJK SC not in " + FONT_FILE);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load " + FONT_FILE + " (install fonts-noto-cjk)", e);
        }
    }
}
