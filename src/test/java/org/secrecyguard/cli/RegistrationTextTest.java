package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.scan.Scanners;
import org.secrecyguard.scan.UnreadableFileException;

class RegistrationTextTest {
    private final RegistrationText reader = new RegistrationText(Scanners.forText(false, null));

    @Test
    void readsAWordDocumentParagraphByParagraph(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("通知.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText("关于调整市级应急物资储备库布局的通知");
            doc.createParagraph().createRun().setText("一、新增储备点。在石门镇原粮站旧址新建北部储备库。");
            doc.write(out);
        }
        String text = reader.read(file).text();
        assertTrue(text.contains("关于调整市级应急物资储备库布局的通知"), text);
        assertTrue(text.contains("在石门镇原粮站旧址新建北部储备库"), text);
        assertTrue(!text.contains("通知.docx"), "the file name is not part of the registered text");
    }

    @Test
    void readsPlainText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "第一段。\n第二段。", StandardCharsets.UTF_8);
        assertEquals("第一段。\n第二段。", reader.read(file).text().strip());
    }

    @Test
    void refusesAFileWithoutText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.txt");
        Files.writeString(file, "   \n", StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.read(file));
        assertTrue(e.getMessage().contains("no text"), e.getMessage());
    }

    @Test
    void reportsAMissingFile(@TempDir Path dir) {
        assertThrows(UnreadableFileException.class, () -> reader.read(dir.resolve("missing.docx")));
    }
}
