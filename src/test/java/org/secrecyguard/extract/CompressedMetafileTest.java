package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.extract.ExtractionException.Reason;

/** Gzip-compressed metafiles (.wmz/.emz), alone and inside a docx, within the picture size limit. */
class CompressedMetafileTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();

    static byte[] gzip(byte[] b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    private static byte[] marked() {
        return TestMetafiles.wmfWithText(8000, 3000, Markings.FIRST_LINE_MARK, Markings.TITLE);
    }

    /** A WMF header followed by 30 MB of zeros: inflates past the 20 MB picture limit. */
    private static byte[] bomb() throws Exception {
        byte[] head = marked();
        byte[] big = Arrays.copyOf(head, 30 * 1024 * 1024);
        return gzip(big);
    }

    private static byte[] docxWith(byte[] picture) throws Exception {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            d.createParagraph().createRun().setText("附图如下。");
            d.createParagraph().createRun().addPicture(new ByteArrayInputStream(picture), Document.PICTURE_TYPE_WMF,
                    "image1.wmz", 400_000, 200_000);
            d.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void readsAStandaloneWmz() throws Exception {
        org.secrecyguard.extract.Document doc = EXTRACTOR.extract("cover.wmz", gzip(marked()));
        assertEquals("image/wmz", doc.format());
        Extracted.segment(doc, SegmentKind.BODY, "drawing text", Markings.FIRST_LINE_MARK);
    }

    @Test
    void readsAWmzInsideADocx() throws Exception {
        org.secrecyguard.extract.Document doc = EXTRACTOR.extract("a.docx", docxWith(gzip(marked())));
        assertTrue(doc.segments().stream().anyMatch(s -> s.where().endsWith("(drawing text)")
                && s.text().contains(Markings.FIRST_LINE_MARK)), Extracted.describe(doc));
        assertTrue(doc.notes().isEmpty(), doc.notes().toString());
    }

    @Test
    void aWmzInflatingPastThePictureLimitIsRefused() throws Exception {
        ExtractionException e = assertThrows(ExtractionException.class, () -> EXTRACTOR.extract("a.wmz", bomb()));
        assertEquals(Reason.TOO_LARGE, e.reason());
        org.secrecyguard.extract.Document doc = EXTRACTOR.extract("a.docx", docxWith(bomb()));
        Extracted.segment(doc, SegmentKind.BODY, "body", "附图如下");
        assertTrue(doc.notes().stream().anyMatch(n -> n.contains("images larger than")), doc.notes().toString());
    }

    @Test
    void aTruncatedWmzIsCorrupt() throws Exception {
        byte[] wmz = gzip(marked());
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> EXTRACTOR.extract("a.wmz", Arrays.copyOf(wmz, wmz.length - 20)));
        assertEquals(Reason.CORRUPT, e.reason());
    }
}
