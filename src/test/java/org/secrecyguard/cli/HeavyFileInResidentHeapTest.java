package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A heavy file in a JVM with the resident app's settings (installer/run.sh, -Xmx64m): the file gets an
 * error row saying it is too large, the files after it are still checked, and the JVM does not die of
 * an OutOfMemoryError.
 */
class HeavyFileInResidentHeapTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void heavyWorkbookGivesAnErrorRowAndTheNextFileIsStillChecked() throws Exception {
        Path heavy = heavyXlsx(dir.resolve("heavy.xlsx"), 200_000);
        assertTrue(Files.size(heavy) < 8L * 1024 * 1024, "small on disk, heavy in memory: " + Files.size(heavy));
        Path marked = Files.writeString(dir.resolve("notice.txt"), "000123\n机密★1年\n关于值班安排的通知\n各单位：请做好值班。\n");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(residentJavaOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.secrecyguard.app.Main",
                "scan", "--json", "--no-ocr", "--threads", "1", heavy.toString(), marked.toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "scan did not finish in 120 s");
        String out = Files.readString(dir.resolve("out.txt"));
        String err = Files.readString(dir.resolve("err.txt"));
        assertFalse(err.contains("OutOfMemoryError") || out.contains("OutOfMemoryError"), err);
        assertEquals(2, p.exitValue(), "exit 2: a file could not be checked\n" + out + err);
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.split("\\R")) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        assertEquals(2, rows.size(), out);
        JsonNode heavyRow = rows.stream().filter(r -> r.get("path").asText().endsWith("heavy.xlsx")).findFirst().orElseThrow();
        assertEquals("error", heavyRow.get("verdict").asText(), heavyRow.toString());
        assertTrue(heavyRow.get("message").asText().contains("too large"), heavyRow.toString());
        JsonNode markedRow = rows.stream().filter(r -> r.get("path").asText().endsWith("notice.txt")).findFirst().orElseThrow();
        assertEquals("block", markedRow.get("verdict").asText(), markedRow.toString());
    }

    /** The JVM options installer/run.sh starts the resident app with (its SG_JAVA_OPTS default). */
    static List<String> residentJavaOptions() throws Exception {
        String script = Files.readString(Path.of("installer/run.sh"));
        Matcher m = Pattern.compile("SG_JAVA_OPTS=\\$\\{SG_JAVA_OPTS:-\"([^\"]+)\"}").matcher(script);
        assertTrue(m.find(), "installer/run.sh no longer sets SG_JAVA_OPTS");
        List<String> options = List.of(m.group(1).trim().split("\\s+"));
        assertTrue(options.contains("-Xmx64m"), options.toString());
        return options;
    }

    /** A workbook of {@code rows} rows of five text cells, streamed to disk: about 3 MB zipped. */
    static Path heavyXlsx(Path file, int rows) throws Exception {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            write(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            StringBuilder row = new StringBuilder();
            for (int r = 1; r <= rows; r++) {
                row.setLength(0);
                row.append("<row r=\"").append(r).append("\">");
                for (char c = 'A'; c <= 'E'; c++) {
                    row.append("<c r=\"").append(c).append(r).append("\" t=\"inlineStr\"><is><t>数据").append(r).append("</t></is></c>");
                }
                write(zip, row.append("</row>").toString());
            }
            write(zip, "</sheetData></worksheet>");
            zip.closeEntry();
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        write(zip, text);
        zip.closeEntry();
    }

    private static void write(ZipOutputStream zip, String text) throws Exception {
        zip.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
