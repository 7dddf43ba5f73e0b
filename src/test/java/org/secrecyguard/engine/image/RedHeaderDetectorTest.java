package org.secrecyguard.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secrecyguard.ocr.samples.PageRenderer;
import org.secrecyguard.ocr.samples.SampleImages;
import org.secrecyguard.ocr.samples.ScreenSimulator;

class RedHeaderDetectorTest {
    private final RedHeaderDetector detector = new RedHeaderDetector();

    private RedHeader detect(BufferedImage img) {
        return detector.detect(Pictures.argb(img), img.getWidth(), img.getHeight());
    }

    @Test
    void findsBandAndRuleWhereTheyArePrintedOnAScan() {
        BufferedImage clean = PageRenderer.render(Pictures.SECRET_RED, SampleImages.SCAN_PX_PER_MM);
        int[] px = Pictures.argb(clean);
        // Oracle on the clean page: the first red row is the band's top; the row with most red is the rule.
        int firstRed = -1;
        int ruleRow = -1;
        int most = 0;
        for (int y = 0; y < clean.getHeight(); y++) {
            int count = 0;
            for (int x = 0; x < clean.getWidth(); x++) {
                if (RedPixels.isRed(px[y * clean.getWidth() + x])) {
                    count++;
                }
            }
            if (count > 0 && firstRed < 0) {
                firstRed = y;
            }
            if (count > most) {
                most = count;
                ruleRow = y;
            }
        }
        RedHeader found = detect(SampleImages.scan(Pictures.SECRET_RED, 0.4, 1));
        assertTrue(found.found());
        assertTrue(found.confidence() >= 0.9, "band and rule give high confidence: " + found);
        assertTrue(Math.abs(found.bandTop() - firstRed) <= 25, "band top " + found.bandTop() + " vs " + firstRed);
        assertTrue(found.bandBottom() > found.bandTop() + 40 && found.bandBottom() < ruleRow, found.toString());
        assertTrue(Math.abs(found.ruleY() - ruleRow) <= 12, "rule " + found.ruleY() + " vs " + ruleRow);
        assertTrue(Math.abs(found.angleDegrees() - 0.4) <= 0.5, "tilt " + found.angleDegrees());
    }

    @Test
    void straightensTiltedHeadersInPhonePhotos() {
        for (double angle : new double[] {4.0, -5.0}) {
            BufferedImage photo = Pictures.photo(Pictures.SECRET_RED, angle, 3);
            RedHeader found = detect(photo);
            assertTrue(found.found(), "tilt " + angle + ": " + found);
            assertTrue(found.hasRule(), "tilt " + angle + ": " + found);
            assertEquals(angle, found.angleDegrees(), 0.6, "tilt");
            assertTrue(found.bandTop() < photo.getHeight() / 2, "band in the upper half: " + found);
        }
    }

    @Test
    void findsHeaderOfPageShownInAnEditorWindow() {
        BufferedImage shot = ScreenSimulator.editor(Pictures.SECRET_RED, "通知.docx", 0.75);
        RedHeader found = detect(shot);
        assertTrue(found.found() && found.hasRule(), found.toString());
        // The page is 595 px wide and centred in the window: the band lies within it.
        assertTrue(found.bandLeft() > 640 && found.bandRight() < 1260, found.toString());
    }

    @Test
    void findsNoHeaderOnPagesAndScreensWithoutRedPrint() {
        List<BufferedImage> none = List.of(
                SampleImages.scan(Pictures.PLAIN, 0.2, 2),
                ScreenSimulator.chat(List.of("下午三点开会"), List.of("收到")),
                ScreenSimulator.desktop());
        for (BufferedImage img : none) {
            RedHeader found = detect(img);
            assertFalse(found.found(), found.toString());
            assertFalse(found.hasRule(), found.toString());
        }
    }

    @Test
    void solidRedBannerIsNotAHeader() {
        // A web page banner: a solid red bar with white lettering.
        BufferedImage banner = Pictures.page(g -> {
            g.setColor(PageRenderer.PRINT_RED);
            g.fillRect(0, 150, 1240, 160);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SERIF, Font.BOLD, 90));
            g.drawString("Municipal Portal", 200, 260);
        });
        assertFalse(detect(banner).found());
    }

    @Test
    void redSealLowOnThePageIsNotAHeader() {
        BufferedImage sealed = Pictures.page(g -> {
            g.setColor(PageRenderer.PRINT_RED);
            g.setStroke(new java.awt.BasicStroke(8));
            g.drawOval(800, 1300, 300, 300);
            g.setFont(new Font(Font.SERIF, Font.BOLD, 40));
            g.drawString("SEAL", 900, 1460);
        });
        RedHeader found = detect(sealed);
        assertFalse(found.found(), found.toString());
    }

    @Test
    void refusesPixelsThatDoNotMatchTheSize() {
        assertThrows(IllegalArgumentException.class, () -> detector.detect(new int[10], 5, 5));
    }
}
