package org.secrecyguard.engine.image;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.secrecyguard.ocr.samples.SampleImages;
import org.secrecyguard.ocr.samples.ScreenSimulator;

class PageFinderTest {
    private final PageFinder finder = new PageFinder();

    private PageRegion find(BufferedImage img) {
        return finder.find(Pictures.argb(img), img.getWidth(), img.getHeight());
    }

    @Test
    void findsThePageOnADeskInAPhoto() {
        BufferedImage photo = Pictures.photo(Pictures.SECRET_RED, 4, 9);
        PageRegion page = find(photo);
        assertTrue(page.detected());
        Region b = page.bounds();
        // The page is 0.92 of the photo's height, A4-shaped, tilted 4°: about 750 x 990 px with its corners.
        assertTrue(b.width() > 650 && b.width() < 900, b.toString());
        assertTrue(b.height() > 900, b.toString());
        assertTrue(b.x() > 150 && b.right() < 1250, b.toString());
        // The desk in the photo's corner is not page, the middle of the sheet is.
        assertFalse(page.mask().contains(5, 5));
        assertTrue(page.mask().contains(b.x() + b.width() / 2, b.y() + b.height() / 2));
    }

    @Test
    void findsTheWhitePageInsideAnEditorWindow() {
        BufferedImage shot = ScreenSimulator.editor(Pictures.SECRET_RED, "通知.docx", 0.75);
        PageRegion page = find(shot);
        assertTrue(page.detected());
        Region b = page.bounds();
        // 210 mm at 96 dpi and 75 %: 595 px wide, centred left of the scroll bar.
        assertTrue(Math.abs(b.width() - 595) < 40, b.toString());
        assertTrue(Math.abs(b.x() - 652) < 25, b.toString());
        assertTrue(b.y() >= 180 && b.y() < 215, "below ribbon and ruler: " + b);
    }

    @Test
    void aScanIsAllPage() {
        BufferedImage scan = SampleImages.scan(Pictures.SECRET_RED, 0.3, 4);
        PageRegion page = find(scan);
        assertFalse(page.detected());
        assertTrue(page.bounds().width() == scan.getWidth() && page.bounds().height() == scan.getHeight());
    }
}
