package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;







import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.ocr.samples.PageSpec;
import org.secrecyguard.ocr.samples.PhotoSimulator;
import org.secrecyguard.ocr.samples.SampleImages;
import org.secrecyguard.ocr.samples.ScreenSimulator;

/**
 * {@code scan} sees markings in pictures with real Tesseract: photos, screenshots, header crops,
 * scanned (image-only) PDF pages, pictures inside Word files and zip archives; it allows a public
 * red-header notice, and without language data it says "OCR unavailable" instead of passing pictures.
 */
class ScanPicturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path photo;
    private static Path screenshot;
    private static Path crop;
    private static Path scannedPdf;
    private static Path wordWithPicture;
    private static Path zipWithPicture;
    private static Path publicNotice;

    @BeforeAll
    static void makeFiles() throws Exception {
        PageSpec secret = SampleImages.markedPage("000123", "机密★1年", false, "特急", "××市人民政府文件",
                "×府发〔2026〕17号", "关于做好2026年度安全生产检查工作的通知");
        PageSpec confidential = SampleImages.markedPage("000045", "秘密★2年", false, null,
                "××县人民政府办公室文件", "×政办发〔2026〕8号", "关于开展防汛应急演练的通知");
        PageSpec topSecret = SampleImages.markedPage("000007", "绝密★长期", false, "特急", "××省人民政府文件",
                "×政发〔2026〕3号", "关于印发重点工作任务分工方案的通知");
        PageSpec notice = SampleImages.publicNotice(null, "××市人民政府文件", "×府发〔2026〕30号",
                "关于公布第一批市级非物质文化遗产名录的通知");

        photo = dir.resolve("IMG_20261001_231502.jpg");
        Files.write(photo, PhotoSimulator.jpegBytes(PhotoSimulator.photograph(
                org.secrecyguard.ocr.samples.PageRenderer.render(secret, 8),
                new PhotoSimulator.Style(2400, 1800, 4, 0.92, 0.35, 5, 0.5f, 2)), 0.5f));
        screenshot = png("screenshot.png", ScreenSimulator.editor(topSecret, "分工方案.docx", 0.75));
        crop = png("crop.png", SampleImages.headerCrop(confidential));
        publicNotice = png("notice.png", SampleImages.scan(notice, 0.2, 6));

        BufferedImage scanned = SampleImages.scan(confidential, 0.3, 3);
        scannedPdf = dir.resolve("scan.pdf");
        ScannedFiles.imageOnlyPdf(scannedPdf, scanned);

        wordWithPicture = dir.resolve("report.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(wordWithPicture)) {
            doc.createParagraph().createRun().setText("附件：现场照片如下。");
            byte[] bytes = ScannedFiles.png(SampleImages.headerCrop(secret));
            doc.createParagraph().createRun().addPicture(new java.io.ByteArrayInputStream(bytes),
                    Document.PICTURE_TYPE_PNG, "photo.png", Units.toEMU(450), Units.toEMU(150));
            doc.write(out);
        }

        zipWithPicture = dir.resolve("photos.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipWithPicture))) {
            zip.putNextEntry(new ZipEntry("2026/page1.png"));
            zip.write(Files.readAllBytes(crop));
            zip.closeEntry();
        }
    }

    private static Path png(String name, BufferedImage image) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, ScannedFiles.png(image));
        return p;
    }


    /** Runs the command line with {@code --json}-style output; rows by file name. */
    static Map<String, JsonNode> scan(int expectedExit, String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SecrecyGuardCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        assertEquals(expectedExit, exit, out + "\n" + err);
        Map<String, JsonNode> rows = new HashMap<>();
        for (String line : out.toString().split("\\R")) {
            if (!line.isBlank()) {
                JsonNode row = JSON.readTree(line);
                rows.put(Path.of(row.get("path").asText()).getFileName().toString(), row);
            }
        }
        return rows;
    }

    @Test
    void flagsMarkedPicturesOfEveryKindAndAllowsThePublicNotice() throws Exception {
        Map<String, JsonNode> rows = scan(1, "scan", "--json", photo.toString(), screenshot.toString(),
                crop.toString(), scannedPdf.toString(), wordWithPicture.toString(), zipWithPicture.toString(),
                publicNotice.toString());
        assertEquals("SECRET", rows.get("IMG_20261001_231502.jpg").get("level").asText());
        assertEquals("TOP_SECRET", rows.get("screenshot.png").get("level").asText());
        assertEquals("CONFIDENTIAL", rows.get("crop.png").get("level").asText());
        assertEquals("CONFIDENTIAL", rows.get("scan.pdf").get("level").asText());
        assertEquals("SECRET", rows.get("report.docx").get("level").asText());
        assertEquals("CONFIDENTIAL", rows.get("photos.zip").get("level").asText());
        for (String marked : new String[] {"IMG_20261001_231502.jpg", "screenshot.png", "scan.pdf", "report.docx"}) {
            assertEquals("block", rows.get(marked).get("verdict").asText(), marked);
            assertTrue(rows.get(marked).get("findings").get(0).get("where").asText().contains("OCR"),
                    rows.get(marked).toString());
        }
        JsonNode notice = rows.get("notice.png");
        assertEquals("allow", notice.get("verdict").asText(), notice.toString());
        assertEquals(0, notice.get("findings").size());
    }

    @Test
    void withoutLanguageDataPicturesAreReportedUncheckedAndTextStillScanned() throws Exception {
        Path emptyTessdata = Files.createDirectories(dir.resolve("no-tessdata"));
        Path text = dir.resolve("memo.txt");
        Files.writeString(text, "秘密★1年\n会议纪要\n");
        Map<String, JsonNode> rows = scan(2, "scan", "--json", "--tessdata", emptyTessdata.toString(),
                photo.toString(), wordWithPicture.toString(), text.toString());
        JsonNode photoRow = rows.get("IMG_20261001_231502.jpg");
        assertEquals("error", photoRow.get("verdict").asText());
        assertTrue(photoRow.get("message").asText().contains("OCR unavailable"), photoRow.toString());
        JsonNode word = rows.get("report.docx");
        assertEquals("allow", word.get("verdict").asText());
        assertTrue(word.get("notes").get(0).asText().contains("OCR unavailable"), word.toString());
        assertEquals("CONFIDENTIAL", rows.get("memo.txt").get("level").asText());
    }
}
