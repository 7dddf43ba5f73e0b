package org.secrecyguard.ocr.samples;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns a clean page into what a phone camera makes of it: the page tilted and placed on a desk,
 * light falling off across it, a slight blur, sensor noise and JPEG compression.
 */
public final class PhotoSimulator {
    private PhotoSimulator() {
    }

    /**
     * How the photo is taken.
     *
     * @param width       photo width in pixels
     * @param height      photo height in pixels
     * @param angle       tilt of the page in degrees (positive: clockwise)
     * @param pageFill    page height as a fraction of the photo height
     * @param falloff     how much darker the far corner is (0 none, 0.4 strong)
     * @param noise       standard deviation of sensor noise in grey levels
     * @param jpegQuality 0..1
     * @param seed        random seed (photos are reproducible)
     */
    public record Style(int width, int height, double angle, double pageFill, double falloff, double noise,
                        float jpegQuality, long seed) {
    }

    public static BufferedImage photograph(BufferedImage page, Style style) {
        Random random = new Random(style.seed());
        BufferedImage photo = new BufferedImage(style.width(), style.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        try {
            drawDesk(g, style, random);
            double scale = style.pageFill() * style.height() / page.getHeight();
            double cx = style.width() / 2.0 + (random.nextDouble() - 0.5) * style.width() * 0.06;
            double cy = style.height() / 2.0 + (random.nextDouble() - 0.5) * style.height() * 0.04;
            AffineTransform at = new AffineTransform();
            at.translate(cx, cy);
            at.rotate(Math.toRadians(style.angle()));
            at.scale(scale, scale);
            at.translate(-page.getWidth() / 2.0, -page.getHeight() / 2.0);
            // A soft shadow under the page.
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (int i = 6; i >= 1; i--) {
                AffineTransform shadow = new AffineTransform();
                shadow.translate(i * 2.0, i * 3.0);
                shadow.concatenate(at);
                g.setTransform(shadow);
                g.setColor(new Color(0, 0, 0, 18));
                g.fillRect(0, 0, page.getWidth(), page.getHeight());
            }
            g.setTransform(at);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(page, 0, 0, null);
        } finally {
            g.dispose();
        }
        int[] px = ((java.awt.image.DataBufferInt) photo.getRaster().getDataBuffer()).getData();
        light(px, style, random);
        int[] blurred = blur(px, style.width(), style.height());
        addNoise(blurred, style.noise(), random);
        System.arraycopy(blurred, 0, px, 0, px.length);
        return jpeg(photo, style.jpegQuality());
    }

    private static void drawDesk(Graphics2D g, Style style, Random random) {
        int w = style.width();
        int h = style.height();
        g.setColor(new Color(112, 84, 58));
        g.fillRect(0, 0, w, h);
        // Wood grain: long thin streaks of slightly different browns.
        for (int i = 0; i < h / 3; i++) {
            int shade = random.nextInt(40) - 20;
            g.setColor(new Color(clamp(112 + shade), clamp(84 + shade), clamp(58 + shade / 2)));
            int y = random.nextInt(h);
            g.fillRect(0, y, w, 1 + random.nextInt(3));
        }
    }

    private static void light(int[] px, Style style, Random random) {
        int w = style.width();
        int h = style.height();
        double lx = random.nextBoolean() ? 0 : w;
        double ly = random.nextBoolean() ? 0 : h;
        double diag = Math.hypot(w, h);
        for (int y = 0; y < h; y++) {
            double dy = (y - ly) * (y - ly);
            for (int x = 0; x < w; x++) {
                double f = 1.0 - style.falloff() * Math.sqrt((x - lx) * (x - lx) + dy) / diag;
                int i = y * w + x;
                int p = px[i];
                int r = (int) (((p >> 16) & 0xFF) * f);
                int g = (int) (((p >> 8) & 0xFF) * f * 0.98);
                int b = (int) ((p & 0xFF) * f * 0.93); // warm indoor light
                px[i] = (r << 16) | (g << 8) | b;
            }
        }
    }

    /** A 3x3 binomial blur: the softness of a phone lens and of focus a little off. */
    private static int[] blur(int[] px, int w, int h) {
        int[] out = px.clone();
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int weight = (dx == 0 ? 2 : 1) * (dy == 0 ? 2 : 1);
                        int p = px[i + dy * w + dx];
                        r += ((p >> 16) & 0xFF) * weight;
                        g += ((p >> 8) & 0xFF) * weight;
                        b += (p & 0xFF) * weight;
                    }
                }
                out[i] = ((r >> 4) << 16) | ((g >> 4) << 8) | (b >> 4);
            }
        }
        return out;
    }

    /** Adds grey noise of roughly the given standard deviation to packed RGB pixels. */
    static void addNoise(int[] px, double sigma, Random random) {
        if (sigma <= 0) {
            return;
        }
        // A table of Gaussian draws indexed by cheap random ints: the statistics of sensor noise
        // without a nextGaussian() call per pixel.
        int[] table = new int[4096];
        for (int i = 0; i < table.length; i++) {
            table[i] = (int) Math.round(random.nextGaussian() * sigma);
        }
        long state = random.nextLong() | 1;
        for (int i = 0; i < px.length; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            int n = table[(int) (state & 4095)];
            int p = px[i];
            px[i] = (clamp(((p >> 16) & 0xFF) + n) << 16) | (clamp(((p >> 8) & 0xFF) + n) << 8)
                    | clamp((p & 0xFF) + n);
        }
    }

    /** Encodes as JPEG at the given quality and decodes again, as a camera or a chat app would. */
    public static BufferedImage jpeg(BufferedImage img, float quality) {
        return decode(jpegBytes(img, quality));
    }

    public static byte[] jpegBytes(BufferedImage img, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
