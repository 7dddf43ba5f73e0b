package org.secrecyguard.engine.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.secrecyguard.ocr.samples.PageRenderer;
import org.secrecyguard.ocr.samples.PageSpec;
import org.secrecyguard.ocr.samples.PhotoSimulator;
import org.secrecyguard.ocr.samples.SampleImages;

/** Generated pictures for the pixel-analysis tests, and their ARGB pixels. */
final class Pictures {
    static final PageSpec SECRET_RED = SampleImages.markedPage("000123", "机密★1年", false, "特急",
            "××市人民政府文件", "×府发〔2026〕17号", "关于做好安全生产检查工作的通知");
    static final PageSpec PLAIN = SampleImages.markedPage(null, "工作秘密", false, null, null, null,
            "关于调整内部办公用房的通知");

    private Pictures() {
    }

    static int[] argb(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    static BufferedImage photo(PageSpec spec, double angle, long seed) {
        return PhotoSimulator.photograph(PageRenderer.render(spec, 5),
                new PhotoSimulator.Style(1400, 1050, angle, 0.92, 0.35, 5, 0.5f, seed));
    }

    /** A white page with something drawn on it by {@code painter}. */
    static BufferedImage page(java.util.function.Consumer<Graphics2D> painter) {
        BufferedImage img = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        painter.accept(g);
        g.dispose();
        return img;
    }
}
