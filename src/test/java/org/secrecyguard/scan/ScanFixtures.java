package org.secrecyguard.scan;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.keyword.KeywordDetector;
import org.secrecyguard.engine.keyword.KeywordHasher;
import org.secrecyguard.extract.EmbeddedImage;
import org.secrecyguard.ocr.ImageInspection;
import org.secrecyguard.ocr.PictureText;

/** Files, engines and picture checkers for the scan tests; everything is made in memory. */
final class ScanFixtures {
    /** A marking on a line of its own, as the first lines of a GB/T 9704 document have it. */
    static final String MARKED_TEXT = "000123\n机密★1年\n特急\n关于某项工作的通知\n各单位：现将有关事项通知如下。\n";
    static final String CLEAN_TEXT = "关于开展全民健身活动的通知\n各单位：请积极参加。\n";
    /** A made-up classified term, caught by the keyword engine; it must never be shown anywhere. */
    static final String SECRET_TERM = "青龙七号试验基地坐标";
    static final String SECRET_PROSE = "经研究，" + SECRET_TERM + "已于本月调整，具体方案另行通知。";

    private ScanFixtures() {
    }

    /** An engine with the keyword detector for {@link #SECRET_TERM} (and no markings). */
    static Engine keywordEngine(String version) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 3);
        }
        KeywordHasher hasher = new KeywordHasher(key);
        return new Engine(List.of(new KeywordDetector(key, List.of(hasher.rule("kw:0", Level.SECRET, SECRET_TERM)))),
                version);
    }

    /** Fails naming only the length of the text, so that a failing test never prints the secret itself. */
    static void assertNotShown(String secret, String shown, String what) {
        assertFalse(shown.contains(secret), what + " shows caught text (" + secret.length() + " chars)");
    }

    static byte[] docx(String... paragraphs) {
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code plain} (an OOXML package) encrypted with a password in agile mode, as Office writes it. */
    static byte[] encrypted(byte[] plain) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("pass-1234");
            try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(plain));
                 OutputStream os = enc.getDataStream(fs)) {
                pkg.save(os);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PNG of {@code text} in black on white. */
    static byte[] png(String text, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font("Noto Sans CJK SC", Font.PLAIN, Math.max(12, height / 2)));
        g.drawString(text, 10, height * 2 / 3);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A white A4 page at about 100 dpi with the GB/T 9704 head lines in its top-left corner. */
    static byte[] pagePng(String... lines) {
        BufferedImage image = new BufferedImage(827, 1169, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("Noto Sans CJK SC", Font.PLAIN, 28));
        int y = 110;
        for (String line : lines) {
            g.drawString(line, 100, y);
            y += 48;
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A picture checker that "reads" every picture as {@code text} with the given engine, counting calls;
     * pictures whose location contains {@code rejectWhere} are refused.
     */
    static final class ScriptedPictures implements PictureChecker {
        final AtomicInteger checks = new AtomicInteger();
        final List<String> seen = new ArrayList<>();
        private final String text;
        private final String rejectWhere;
        boolean closed;

        ScriptedPictures(String text, String rejectWhere) {
            this.text = text;
            this.rejectWhere = rejectWhere;
        }

        @Override
        public synchronized ImageInspection check(EmbeddedImage image, Engine engine) throws PictureRejectedException {
            checks.incrementAndGet();
            seen.add(image.where());
            if (rejectWhere != null && image.where().contains(rejectWhere)) {
                throw new PictureRejectedException("picture refused: damaged png", null);
            }
            return new ImageInspection(engine.inspect(new org.secrecyguard.engine.Segment(text,
                    org.secrecyguard.engine.SegmentKind.OCR, image.where())), true, "");
        }

        @Override
        public ImageInspection check(BufferedImage image, String where, Engine engine) {
            checks.incrementAndGet();
            return new ImageInspection(engine.inspect(new org.secrecyguard.engine.Segment(text,
                    org.secrecyguard.engine.SegmentKind.OCR, where)), true, "");
        }

        @Override
        public synchronized PictureText readText(EmbeddedImage image) throws PictureRejectedException {
            checks.incrementAndGet();
            seen.add(image.where());
            if (rejectWhere != null && image.where().contains(rejectWhere)) {
                throw new PictureRejectedException("picture refused: damaged png", null);
            }
            return new PictureText(text, true, "");
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String status() {
            return "OK";
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
