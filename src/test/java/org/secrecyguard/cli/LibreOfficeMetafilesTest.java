package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.poi.hslf.usermodel.HSLFPictureData;
import org.apache.poi.hslf.usermodel.HSLFSlide;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.sl.usermodel.PictureData.PictureType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.ocr.samples.PageSpec;
import org.secrecyguard.ocr.samples.SampleImages;

/**
 * WMF and EMF pictures as LibreOffice Draw exports them (drawn as SVG, converted by {@code soffice}),
 * alone and inside Word files LibreOffice writes (docx, doc) and a PowerPoint file: a marking in the
 * picture's text is flagged, a plain drawing is allowed, a picture that is only a pasted scan is rendered
 * and read by OCR, a damaged picture is an error row.
 */
class LibreOfficeMetafilesTest {
    private static final String HEAD = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
            + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\"><rect width=\"%d\" height=\"%d\" fill=\"white\"/>";
    private static final String TEXT = "<text x=\"%d\" y=\"%d\" font-family=\"Noto Sans CJK SC\" font-size=\"%d\">%s</text>";

    @TempDir
    static Path dir;
    private static Path markedWmf;
    private static Path cleanWmf;
    private static Path scanWmf;
    private static Path scanEmf;

    @BeforeAll
    static void export() throws Exception {
        Path marked = svg("marked", 800, 400, text(40, 60, 28, "机密★1年"), text(120, 160, 40, "滨江市人民政府办公室文件"),
                text(40, 260, 24, "关于做好2026年度安全生产检查工作的通知"));
        Path clean = svg("clean", 800, 300, text(40, 80, 32, "2026年第一季度工作流程图"),
                text(40, 180, 24, "收文 → 登记 → 拟办 → 批办 → 承办"));
        PageSpec page = SampleImages.markedPage("000045", "秘密★2年", false, null, "××县人民政府办公室文件",
                "×政办发〔2026〕8号", "关于开展防汛应急演练的通知");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(SampleImages.scan(page, 0.3, 3), "png", png);
        // only a bitmap: the marking is in the pixels, no text record holds it
        Path scan = svg("scan", 1240, 1754, "<image x=\"0\" y=\"0\" width=\"1240\" height=\"1754\" xlink:href=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png.toByteArray()) + "\"/>");
        List<Path> wmf = LibreOffice.convert(dir, "wmf", List.of(marked, clean, scan));
        markedWmf = wmf.get(0);
        cleanWmf = wmf.get(1);
        scanWmf = wmf.get(2);
        scanEmf = LibreOffice.convert(dir, "emf", List.of(scan)).get(0);
    }

    private static String text(int x, int y, int size, String s) {
        return String.format(TEXT, x, y, size, s);
    }

    private static Path svg(String name, int w, int h, String... body) throws Exception {
        Path file = dir.resolve(name + ".svg");
        Files.writeString(file, String.format(HEAD, w, h, w, h, w, h) + String.join("", body) + "</svg>\n",
                StandardCharsets.UTF_8);
        return file;
    }

    /** A Writer document holding {@code picture} inline, written by LibreOffice as {@code format}. */
    private static Path wordWith(String name, Path picture, String format) throws Exception {
        String image = "<draw:frame draw:name=\"pic\" text:anchor-type=\"as-char\" svg:width=\"12cm\" svg:height=\"6cm\">"
                + "<draw:image><office:binary-data>" + Base64.getEncoder().encodeToString(Files.readAllBytes(picture))
                + "</office:binary-data></draw:image></draw:frame>";
        Path fodt = LibreOffice.writeFodt(dir, name, LibreOffice.small("附图如下。"),
                "<text:p text:style-name=\"Small\">" + image + "</text:p>\n");
        return LibreOffice.convert(dir, format, List.of(fodt)).get(0);
    }

    private static Path pptWith(String name, Path picture) throws Exception {
        Path file = dir.resolve(name + ".ppt");
        try (HSLFSlideShow show = new HSLFSlideShow(); OutputStream out = Files.newOutputStream(file)) {
            HSLFSlide slide = show.createSlide();
            HSLFPictureData data = show.addPicture(Files.readAllBytes(picture), PictureType.WMF);
            slide.createPicture(data);
            show.write(out);
        }
        return file;
    }

    private static List<String> args(String... first) {
        return new ArrayList<>(List.of(first));
    }

    @Test
    void flagsTheMarkingInAWmfAloneAndInsideDocxDocAndPpt() throws Exception {
        Path docx = wordWith("marked-docx", markedWmf, "docx");
        Path doc = wordWith("marked-doc", markedWmf, "doc");
        Path ppt = pptWith("marked-ppt", markedWmf);
        List<String> a = args("scan", "--json", "--no-ocr");
        for (Path p : List.of(markedWmf, docx, doc, ppt)) {
            a.add(p.toString());
        }
        Map<String, JsonNode> rows = ScanPicturesTest.scan(1, a.toArray(String[]::new));
        for (String f : List.of("marked.wmf", "marked-docx.docx", "marked-doc.doc", "marked-ppt.ppt")) {
            JsonNode row = rows.get(f);
            assertEquals("SECRET", row.get("level").asText(), row.toString());
            assertEquals("机密★1年", row.get("findings").get(0).get("evidence").asText(), row.toString());
        }
    }

    @Test
    void allowsAPlainDrawing() throws Exception {
        Map<String, JsonNode> rows = ScanPicturesTest.scan(0, "scan", "--json", "--no-ocr", cleanWmf.toString(),
                wordWith("clean-docx", cleanWmf, "docx").toString());
        assertEquals("allow", rows.get("clean.wmf").get("verdict").asText(), rows.get("clean.wmf").toString());
        assertEquals("allow", rows.get("clean-docx.docx").get("verdict").asText());
    }

    @Test
    void readsAScanPastedAsAMetafileWithOcr() throws Exception {
        Path docx = wordWith("scan-docx", scanWmf, "docx");
        Map<String, JsonNode> rows = ScanPicturesTest.scan(1, "scan", "--json", scanWmf.toString(), scanEmf.toString(), docx.toString());
        for (String f : List.of("scan.wmf", "scan.emf", "scan-docx.docx")) {
            assertEquals("CONFIDENTIAL", rows.get(f).get("level").asText(), rows.get(f).toString());
        }
    }

    @Test
    void aScanPastedAsAMetafileIsNotPassedWithoutOcr() throws Exception {
        Map<String, JsonNode> rows = ScanPicturesTest.scan(2, "scan", "--json", "--no-ocr", scanWmf.toString(),
                wordWith("scan-in-doc", scanWmf, "docx").toString());
        JsonNode alone = rows.get("scan.wmf");
        assertEquals("error", alone.get("verdict").asText(), alone.toString());
        assertTrue(alone.get("message").asText().contains("not checked"), alone.toString());
        JsonNode inDoc = rows.get("scan-in-doc.docx");
        assertTrue(inDoc.get("notes").toString().contains("picture not checked"), inDoc.toString());
    }

    @Test
    void aDamagedWmfIsAClearErrorRow() throws Exception {
        byte[] wmf = Files.readAllBytes(markedWmf);
        byte[] damaged = new byte[wmf.length];
        System.arraycopy(wmf, 0, damaged, 0, 40); // placeable and WMF headers survive, the records do not
        java.util.Arrays.fill(damaged, 40, damaged.length, (byte) 0xFF);
        Path bad = Files.write(dir.resolve("damaged.wmf"), damaged);
        Map<String, JsonNode> rows = ScanPicturesTest.scan(2, "scan", "--json", "--no-ocr", bad.toString());
        JsonNode row = rows.get("damaged.wmf");
        assertEquals("error", row.get("verdict").asText(), row.toString());
        assertTrue(row.get("message").asText().contains("wmf"), row.toString());
    }
}
