package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secrecyguard.cli.LibreOffice.bodyWithTextBoxAtTop;
import static org.secrecyguard.cli.LibreOffice.numberAboveRedRule;
import static org.secrecyguard.cli.LibreOffice.redTitle;
import static org.secrecyguard.cli.LibreOffice.small;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Red-header documents exported to PDF and DOCX by LibreOffice (as offices and WPS users produce them),
 * checked with {@code scan}. The PDF text layer of such an export used to come back glued
 * ("000123机密★1年滨江市人民政府办公室文件") and was allowed.
 */
class LibreOfficeExportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "滨江市人民政府办公室文件";
    private static final String NUMBER = "滨府办〔2026〕12号";
    private static final String TITLE = "关于做好2026年度安全生产检查工作的通知";
    private static final String BODY = "各乡镇人民政府，县直各有关单位：为切实做好今年安全生产检查工作，经研究，现将有关事项通知如下。";

    @TempDir
    static Path dir;
    private static final Map<String, JsonNode> ROWS = new HashMap<>();

    @BeforeAll
    static void exportAndScan() throws Exception {
        Path marked = LibreOffice.writeFodt(dir, "marked",
                small("000123"), small("机密★1年"), redTitle(ISSUER), numberAboveRedRule(NUMBER), small(TITLE), small(BODY));
        Path textBox = LibreOffice.writeFodt(dir, "textbox",
                redTitle(ISSUER), numberAboveRedRule(NUMBER), small(TITLE), bodyWithTextBoxAtTop(BODY, "秘密"));
        Path pub = LibreOffice.writeFodt(dir, "public",
                redTitle(ISSUER), numberAboveRedRule(NUMBER), small("关于秘密级文件管理的通知"),
                small("本文件不属于机密文件，此件公开发布。"), small(BODY));
        Path plainBox = LibreOffice.writeFodt(dir, "plainbox",
                small("春日随笔"), small("风从河上来，带着去年的柳絮，像一个没说出口的故事。"),
                bodyWithTextBoxAtTop("城南的旧书店又开门了，老板说还是那些书。", "秘密"));
        List<Path> pdfs = LibreOffice.convert(dir, "pdf", List.of(marked, textBox, pub, plainBox));
        List<Path> docx = LibreOffice.convert(dir, "docx", List.of(marked, textBox));
        List<String> args = new ArrayList<>(List.of("scan", "--json", "--no-ocr"));
        pdfs.forEach(p -> args.add(p.toString()));
        docx.forEach(p -> args.add(p.toString()));
        StringWriter out = new StringWriter();
        SecrecyGuardCommand.newCommandLine(new PrintWriter(out), new PrintWriter(new StringWriter()))
                .execute(args.toArray(String[]::new));
        for (String line : out.toString().split("\\R")) {
            if (!line.isBlank()) {
                JsonNode row = JSON.readTree(line);
                ROWS.put(Path.of(row.get("path").asText()).getFileName().toString(), row);
            }
        }
    }

    private static JsonNode row(String file) {
        JsonNode r = ROWS.get(file);
        if (r == null) {
            throw new AssertionError("no scan row for " + file + " in " + ROWS.keySet());
        }
        return r;
    }

    @Test
    void blocksThePdfExportOfAMarkedRedHeaderDocument() {
        assertEquals("block", row("marked.pdf").get("verdict").asText());
        assertEquals("SECRET", row("marked.pdf").get("level").asText());
        assertEquals("机密★1年", row("marked.pdf").get("findings").get(0).get("evidence").asText());
    }

    @Test
    void blocksTheDocxExportOfAMarkedRedHeaderDocument() {
        assertEquals("SECRET", row("marked.docx").get("level").asText());
    }

    @Test
    void blocksABareLevelInATextBoxAboveTheRedHeaderInPdfAndDocx() {
        assertEquals("CONFIDENTIAL", row("textbox.pdf").get("level").asText());
        assertEquals("CONFIDENTIAL", row("textbox.docx").get("level").asText());
    }

    @Test
    void allowsAPublicRedHeaderNoticeThatMentionsLevels() {
        assertEquals("allow", row("public.pdf").get("verdict").asText(), row("public.pdf").toString());
    }

    @Test
    void allowsABareLevelInATextBoxOfAnEssayWithoutRedHeader() {
        assertEquals("allow", row("plainbox.pdf").get("verdict").asText(), row("plainbox.pdf").toString());
    }
}
