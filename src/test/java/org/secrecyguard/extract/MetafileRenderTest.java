package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.SegmentKind;

/**
 * When a WMF picture is rendered for OCR: only when it draws bitmaps (or no text), at a size OCR can
 * read, within the file's rendered-picture budget.
 */
class MetafileRenderTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();

    private static BufferedImage grey(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.LIGHT_GRAY);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.fillRect(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        return image;
    }

    private static byte[] docxWith(byte[]... wmfs) throws Exception {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            d.createParagraph().createRun().setText("附图如下。");
            int n = 0;
            for (byte[] wmf : wmfs) {
                n++;
                d.createParagraph().createRun().addPicture(new ByteArrayInputStream(wmf), Document.PICTURE_TYPE_WMF,
                        "image" + n + ".wmf", 400_000, 200_000);
            }
            d.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aWmfThatDrawsABitmapIsRenderedLargeEnoughForOcr() throws Exception {
        org.secrecyguard.extract.Document doc = EXTRACTOR.extract("scan.wmf", TestMetafiles.wmfWithBitmap(grey(120, 80)));
        assertEquals("image/wmf", doc.format());
        assertEquals(1, doc.images().size(), doc.notes().toString());
        BufferedImage rendered = doc.images().get(0).rendered();
        assertNotNull(rendered);
        assertEquals("drawing (rendered)", doc.images().get(0).where());
        assertTrue(Math.max(rendered.getWidth(), rendered.getHeight()) >= MetafileRenderer.MIN_LONG_SIDE,
                rendered.getWidth() + "x" + rendered.getHeight());
        // the black square of the bitmap is drawn in the middle of the rendering
        assertEquals(Color.BLACK.getRGB(), rendered.getRGB(rendered.getWidth() / 2, rendered.getHeight() / 2) | 0xFF000000);
        assertTrue((rendered.getRGB(2, 2) & 0xFF) > 0x80, "the margin stays light");
    }

    @Test
    void aWmfWithTextRecordsOnlyIsReadWithoutRendering() throws Exception {
        org.secrecyguard.extract.Document doc = EXTRACTOR.extract("cover.wmf",
                TestMetafiles.wmfWithText(8000, 3000, "机密★1年", "关于印发工作安排的通知"));
        Extracted.segment(doc, SegmentKind.BODY, "drawing text", "机密★1年");
        assertTrue(doc.images().isEmpty(), "text records suffice: no OCR");
    }

    @Test
    void renderedPicturesKeepToTheFilesPictureBudget() throws Exception {
        DocumentExtractor two = new DocumentExtractor(ExtractLimits.defaults().withMaxImages(2));
        org.secrecyguard.extract.Document doc = two.extract("a.docx", docxWith(TestMetafiles.wmfWithBitmap(grey(60, 40)),
                TestMetafiles.wmfWithBitmap(grey(61, 40)), TestMetafiles.wmfWithBitmap(grey(62, 40))));
        assertEquals(2, doc.images().size());
        assertTrue(doc.images().stream().allMatch(i -> i.rendered() != null && i.where().endsWith("(rendered)")));
        assertTrue(doc.notes().stream().anyMatch(n -> n.startsWith("1 EMF/WMF pictures not rendered")), doc.notes().toString());
    }

    @Test
    void aWmfWithoutRecordsIsCorrupt() {
        byte[] wmf = TestMetafiles.wmfWithText(8000, 3000, "机密★1年");
        byte[] headerOnly = java.util.Arrays.copyOf(wmf, 40);
        ExtractionException e = org.junit.jupiter.api.Assertions.assertThrows(ExtractionException.class,
                () -> EXTRACTOR.extract("a.wmf", headerOnly));
        assertEquals(ExtractionException.Reason.CORRUPT, e.reason());
    }
}
