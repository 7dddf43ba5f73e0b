package org.secrecyguard.ocr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.ocr.samples.PageRenderer;
import org.secrecyguard.ocr.samples.PageSpec;
import org.secrecyguard.ocr.samples.PhotoSimulator;

/**
 * {@link TesseractImageInspector#readText} reads the whole text of a photographed page (straightened,
 * red print dropped) with real Tesseract, keeps to its time budget, and says why when it cannot read.
 */
class PictureTextTest {
    private static final List<String> BODY = List.of(
            "为做好全市档案数字化工作，现将有关事项通知如下。",
            "各单位要在年底前完成馆藏纸质档案的整理和扫描，建立电子目录。",
            "扫描件应按统一标准命名并备份，原件归还库房妥善保管。");
    private static BufferedImage photo;

    @BeforeAll
    static void photograph() {
        PageSpec page = new PageSpec(null, null, false, null, "××市档案局文件", "×档发〔2026〕4号",
                "关于推进档案数字化工作的通知", BODY);
        photo = PhotoSimulator.photograph(PageRenderer.render(page, 8),
                new PhotoSimulator.Style(2000, 1500, -4, 0.93, 0.3, 4, 0.6f, 31));
    }

    private static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void readsTheTitleAndBodyOfATiltedPhoto() {
        try (TesseractImageInspector ocr = new TesseractImageInspector()) {
            assertTrue(ocr.available(), ocr.status());
            PictureText read = ocr.readText(photo, "photo.jpg");
            assertTrue(read.complete(), read.note());
            String text = compact(read.text());
            assertTrue(text.contains("档案数字化"), "the title or first sentence should be read");
            assertTrue(text.contains("建立电子目录") || text.contains("原件归还库房"), "the body should be read");
        }
    }

    @Test
    void stopsAtTheTimeBudgetAndSaysSo() {
        OcrConfig tight = OcrConfig.defaults().withBudgets(Duration.ofMillis(20), Duration.ofMillis(20));
        try (TesseractImageInspector ocr = new TesseractImageInspector(tight)) {
            PictureText read = ocr.readText(photo, "photo.jpg");
            assertFalse(read.complete());
            assertTrue(read.note().contains("time budget"), read.note());
        }
    }

    @Test
    void withoutLanguageDataReadsNothingAndSaysWhy(@TempDir Path empty) throws Exception {
        OcrConfig config = OcrConfig.defaults().withTessdataDir(Files.createDirectories(empty.resolve("t")));
        try (TesseractImageInspector ocr = new TesseractImageInspector(config)) {
            PictureText read = ocr.readText(photo, "photo.jpg");
            assertFalse(read.complete());
            assertTrue(read.text().isEmpty());
            assertTrue(read.note().startsWith("OCR unavailable"), read.note());
        }
    }
}
