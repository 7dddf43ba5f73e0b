package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int exit, List<JsonNode> rows, String out, String err) {
    }

    private Run run(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SecrecyGuardCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        List<JsonNode> rows = new ArrayList<>();
        if (List.of(args).contains("--json")) {
            for (String line : out.toString().split("\\R")) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
                }
            }
        }
        return new Run(exit, rows, out.toString(), err.toString());
    }

    private Path write(String name, String text, Charset cs) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(cs));
        return p;
    }

    @Test
    void blocksMarkedFileAndExitsOne() throws Exception {
        Path marked = write("notice.txt", "000123\n机密★1年\n特急\n关于加强值班工作的通知\n各单位：请做好值班。\n", StandardCharsets.UTF_8);
        Run r = run("scan", "--json", "--no-ocr", marked.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(1, r.rows().size());
        JsonNode row = r.rows().get(0);
        assertEquals(marked.toString(), row.get("path").asText());
        assertEquals("block", row.get("verdict").asText());
        assertEquals("SECRET", row.get("level").asText());
        JsonNode finding = row.get("findings").get(0);
        assertEquals("marking", finding.get("detector").asText());
        assertEquals("SECRET", finding.get("level").asText());
        assertTrue(finding.get("evidence").asText().contains("机密"));
        assertTrue(row.get("millis").isNumber());
    }

    @Test
    void allowsPublicTextAndExitsZero() throws Exception {
        Path clean = write("news.txt", "本报讯 某县召开保密工作会议，强调不得在互联网上传递国家秘密，一份机密级文件被误传的案例引起重视。\n", StandardCharsets.UTF_8);
        Run r = run("scan", "--json", "--no-ocr", clean.toString());
        assertEquals(0, r.exit(), r.out());
        assertEquals("allow", r.rows().get(0).get("verdict").asText());
        assertTrue(r.rows().get(0).get("level").isNull());
        assertEquals(0, r.rows().get(0).get("findings").size());
    }

    @Test
    void warnsOnInternalMaterial() throws Exception {
        Path internal = write("memo.txt", "内部资料 注意保存\n2026年第一季度工作要点\n", StandardCharsets.UTF_8);
        Run r = run("scan", "--json", "--no-ocr", internal.toString());
        assertEquals(1, r.exit());
        assertEquals("warn", r.rows().get(0).get("verdict").asText());
        assertEquals("INTERNAL", r.rows().get(0).get("level").asText());
    }

    @Test
    void readsGbkFilesInFoldersRecursively() throws Exception {
        Files.createDirectories(dir.resolve("sub/deeper"));
        write("sub/deeper/gbk.txt", "秘密★6个月\n关于某项目的情况报告\n", Charset.forName("GBK"));
        write("sub/clean.txt", "会议通知：周三下午三点在三楼会议室开会。\n", StandardCharsets.UTF_8);
        Run r = run("scan", "--json", "--no-ocr", dir.toString());
        assertEquals(1, r.exit());
        assertEquals(2, r.rows().size());
        JsonNode gbk = r.rows().stream().filter(n -> n.get("path").asText().endsWith("gbk.txt")).findFirst().orElseThrow();
        assertEquals("CONFIDENTIAL", gbk.get("level").asText());
    }

    @Test
    void flagsMarkingInFileNameEvenWhenContentIsPlain() throws Exception {
        Path named = write("（机密）关于调整人员的请示.txt", "请示正文。\n", StandardCharsets.UTF_8);
        Run r = run("scan", "--json", "--no-ocr", named.toString());
        assertEquals(1, r.exit());
        assertEquals("SECRET", r.rows().get(0).get("level").asText());
        assertEquals("filename", r.rows().get(0).get("findings").get(0).get("detector").asText());
    }

    @Test
    void missingAndCorruptFilesGiveErrorRowsAndExitTwo() throws Exception {
        Path corrupt = dir.resolve("broken.docx");
        Files.write(corrupt, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3});
        Run r = run("scan", "--json", "--no-ocr", corrupt.toString(), dir.resolve("gone.pdf").toString());
        assertEquals(2, r.exit());
        assertEquals(2, r.rows().size());
        for (JsonNode row : r.rows()) {
            assertEquals("error", row.get("verdict").asText());
            assertFalse(row.get("message").asText().isBlank());
        }
    }

    @Test
    void humanReadableOutputNamesVerdictLevelAndEvidence() throws Exception {
        Path marked = write("a.txt", "绝密★长期\n", StandardCharsets.UTF_8);
        Run r = run("scan", "--no-ocr", marked.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("BLOCK 绝密 "), r.out());
        assertTrue(r.out().contains("marking"), r.out());
    }
}
