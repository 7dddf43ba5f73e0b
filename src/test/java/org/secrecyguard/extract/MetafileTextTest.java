package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.marking.MarkingDetector;

/** Text drawn by an EMF picture inside a Word file is read from its text records and checked. */
class MetafileTextTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();

    /** An EMF of three records, as GDI writes them: header, one EMR_EXTTEXTOUTW, EOF. */
    static byte[] emf(String text) {
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16LE);
        int padded = (utf16.length + 3) & ~3;
        int textRecord = 76 + padded + 4 * text.length();
        int total = 88 + textRecord + 20;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(1).putInt(88);                                  // EMR_HEADER
        b.putInt(0).putInt(0).putInt(400).putInt(100);           // bounds
        b.putInt(0).putInt(0).putInt(10000).putInt(2500);        // frame (0.01 mm)
        b.putInt(0x464D4520).putInt(0x10000).putInt(total).putInt(3);
        b.putShort((short) 1).putShort((short) 0).putInt(0).putInt(0).putInt(0);
        b.putInt(1920).putInt(1080).putInt(508).putInt(286);     // device px, mm
        int start = b.position();
        b.putInt(84).putInt(textRecord);                         // EMR_EXTTEXTOUTW
        b.putInt(0).putInt(0).putInt(400).putInt(100);
        b.putInt(1).putFloat(1f).putFloat(1f);                   // GM_COMPATIBLE, scales
        b.putInt(10).putInt(50).putInt(text.length()).putInt(76).putInt(0);
        b.putInt(0).putInt(0).putInt(400).putInt(100);           // rectangle
        b.putInt(76 + padded);                                   // offDx
        b.put(utf16);
        b.position(start + 76 + padded);
        for (int i = 0; i < text.length(); i++) {
            b.putInt(20);
        }
        b.putInt(14).putInt(20).putInt(0).putInt(16).putInt(20); // EMR_EOF
        return b.array();
    }

    private static List<Finding> markings(org.secrecyguard.extract.Document doc) {
        List<Finding> found = new ArrayList<>();
        MarkingDetector.allLevels().detect(new DocumentText(doc.segments()), found::add);
        return found;
    }

    @Test
    void readsTheTextOfAnEmfPictureInADocx() throws Exception {
        byte[] docx;
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            d.createParagraph().createRun().setText("附图如下。");
            d.createParagraph().createRun().addPicture(new ByteArrayInputStream(emf("机密★1年")),
                    Document.PICTURE_TYPE_EMF, "image1.emf", 400_000, 100_000);
            d.write(out);
            docx = out.toByteArray();
        }
        org.secrecyguard.extract.Document doc = EXTRACTOR.extract("a.docx", docx);
        assertTrue(doc.segments().stream().anyMatch(s -> s.where().endsWith("(drawing text)") && s.text().contains("机密★1年")),
                Extracted.describe(doc));
        assertTrue(markings(doc).stream().anyMatch(f -> f.evidence().equals("机密★1年")), markings(doc).toString());
        assertTrue(doc.notes().stream().noneMatch(n -> n.contains("emf")), doc.notes().toString());
    }

    @Test
    void aDamagedEmfIsNotedAndCostsNothingElse() throws Exception {
        byte[] bad = emf("机密★1年");
        java.util.Arrays.fill(bad, 88, bad.length, (byte) 0x7F);
        byte[] docx;
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            d.createParagraph().createRun().setText("000123");
            d.createParagraph().createRun().setText("秘密★6个月");
            d.createParagraph().createRun().addPicture(new ByteArrayInputStream(bad),
                    Document.PICTURE_TYPE_EMF, "image1.emf", 400_000, 100_000);
            d.write(out);
            docx = out.toByteArray();
        }
        org.secrecyguard.extract.Document doc = EXTRACTOR.extract("a.docx", docx);
        assertTrue(markings(doc).stream().anyMatch(f -> f.evidence().equals("秘密★6个月")), Extracted.describe(doc));
        assertTrue(doc.notes().stream().anyMatch(n -> n.contains("emf")), doc.notes().toString());
    }

    @Test
    void readsAStandaloneEmfFile() throws Exception {
        org.secrecyguard.extract.Document doc = EXTRACTOR.extract("cover.emf", emf("绝密★长期"));
        assertTrue(doc.segments().stream().anyMatch(s -> s.text().contains("绝密★长期")), Extracted.describe(doc));
        assertTrue(markings(doc).stream().anyMatch(f -> f.evidence().equals("绝密★长期")), markings(doc).toString());
    }
}
