package org.secrecyguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Level;

/** The production wiring: the real extractor, and OCR that says plainly when it cannot run. */
class ScannersTest {
    @Test
    void fileScannerWithoutOcrFlagsTextAndRefusesToCallAPictureClean(@TempDir Path dir) throws Exception {
        Path txt = Files.writeString(dir.resolve("a.txt"), ScanFixtures.MARKED_TEXT, StandardCharsets.UTF_8);
        Path png = Files.write(dir.resolve("b.png"), ScanFixtures.png("机密★1年", 200, 60));
        try (Scanner scanner = Scanners.forFiles(Baseline::engine, false)) {
            assertFalse(scanner.pictures().available());
            assertEquals(Optional.of(Level.SECRET), scanner.scanFile(txt).level());
            ScanResult picture = scanner.scanFile(png);
            assertTrue(picture.isError());
            assertEquals("not checked: OCR switched off (--no-ocr)", picture.message());
            assertEquals(Baseline.RULES_VERSION, scanner.engine().rulesVersion());
        }
    }

    @Test
    void ocrWithoutLanguageDataIsUnavailableAndSaysSo(@TempDir Path dir) throws Exception {
        Path png = Files.write(dir.resolve("b.png"), ScanFixtures.png("机密★1年", 200, 60));
        try (Scanner scanner = Scanners.forFiles(Baseline::engine, true, dir.resolve("no-tessdata"))) {
            PictureChecker ocr = scanner.pictures();
            assertFalse(ocr.available());
            assertTrue(ocr.status().startsWith("OCR unavailable"), ocr.status());
            ScanResult r = scanner.scanFile(png);
            assertTrue(r.isError(), "a picture that OCR could not read is not clean");
            assertEquals("not checked: " + ocr.status(), r.message());
        }
    }

    @Test
    void textReaderWithoutOcrReadsTextAndNotesPictures(@TempDir Path dir) throws Exception {
        Path txt = Files.writeString(dir.resolve("a.txt"), ScanFixtures.CLEAN_TEXT, StandardCharsets.UTF_8);
        Path png = Files.write(dir.resolve("b.png"), ScanFixtures.png("文字", 80, 40));
        try (FileTextReader reader = Scanners.forText(false, null)) {
            assertEquals(ScanFixtures.CLEAN_TEXT.strip(), reader.read(txt).text().strip());
            FileText picture = reader.read(png);
            assertFalse(picture.complete());
            assertEquals(1, picture.notes().size());
            assertTrue(picture.notes().get(0).contains("OCR switched off"), picture.notes().toString());
        }
    }

    @Test
    void ocrReadsAMarkedPictureFileAndAMarkedScreenshot(@TempDir Path dir) throws Exception {
        Path png = Files.write(dir.resolve("photo.jpg"), ScanFixtures.pagePng("000123", "机密★1年", "特急",
                "关于某项工作的通知"));
        try (Scanner scanner = Scanners.forFiles(Baseline::engine, true)) {
            assertTrue(scanner.pictures().available(), "Tesseract is installed on the test machines: " + scanner.pictures().status());
            ScanResult r = scanner.scanFile(png);
            assertEquals(ScanResult.Status.OK, r.status(), r.message());
            assertEquals(Optional.of(Level.SECRET), r.level(), r.notes().toString());
            java.awt.image.BufferedImage shot = javax.imageio.ImageIO.read(png.toFile());
            assertEquals(Optional.of(Level.SECRET), scanner.scanImage(shot, "screenshot").level());
            Path blank = Files.write(dir.resolve("blank.png"), ScanFixtures.pagePng("关于开展全民健身活动的通知",
                "各单位：请积极参加。"));
            ScanResult clean = scanner.scanFile(blank);
            assertEquals(ScanResult.Status.OK, clean.status(), clean.message());
            assertTrue(clean.verdict().isClean());
        }
    }
}
