package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test documents as LibreOffice itself writes them: red-header layouts written by hand as flat ODT
 * (.fodt) and converted by {@code soffice --headless}, several files per call (each start costs seconds).
 * installer/install-deps.sh installs libreoffice-writer-nogui and libreoffice-draw-nogui (WMF/EMF export),
 * so a missing soffice fails the test.
 */
final class LibreOffice {
    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
             xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
             xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
             xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
             xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
             xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
             office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
            <office:automatic-styles>
            <style:style style:name="Small" style:family="paragraph"><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
            <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:color="#ff0000" fo:font-size="40pt" style:font-size-asian="40pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
            <style:style style:name="Number" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:border-bottom="1.5pt solid #ff0000" fo:padding-bottom="0.3cm"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
            <style:style style:name="Box" style:family="graphic"><style:graphic-properties style:wrap="none" fo:border="none" style:vertical-pos="from-top" style:horizontal-pos="from-left" style:vertical-rel="page" style:horizontal-rel="page"/></style:style>
            </office:automatic-styles>
            <office:body><office:text>
            """;
    private static final String TAIL = "</office:text></office:body></office:document>\n";

    private LibreOffice() {
    }

    /** A paragraph in 16 pt (份号, marking, 发文字号-sized text and body text). */
    static String small(String text) {
        return "<text:p text:style-name=\"Small\">" + text + "</text:p>\n";
    }

    /** The 发文机关标志: 40 pt bold red, centred. */
    static String redTitle(String text) {
        return "<text:p text:style-name=\"Title\">" + text + "</text:p>\n";
    }

    /** The 发文字号 centred above the red rule. */
    static String numberAboveRedRule(String text) {
        return "<text:p text:style-name=\"Number\">" + text + "</text:p>\n";
    }

    /** A paragraph of body text that anchors a floating text box near the top-left corner of page 1. */
    static String bodyWithTextBoxAtTop(String body, String boxText) {
        return "<text:p text:style-name=\"Small\">" + body
                + "<draw:frame draw:style-name=\"Box\" draw:name=\"box\" text:anchor-type=\"page\""
                + " text:anchor-page-number=\"1\" svg:x=\"2.5cm\" svg:y=\"1.2cm\" svg:width=\"3cm\" svg:height=\"1.2cm\">"
                + "<draw:text-box>" + small(boxText) + "</draw:text-box></draw:frame></text:p>\n";
    }

    static Path writeFodt(Path dir, String name, String... paragraphs) throws Exception {
        Path file = dir.resolve(name + ".fodt");
        Files.writeString(file, HEAD + String.join("", paragraphs) + TAIL, StandardCharsets.UTF_8);
        return file;
    }

    /** Converts all {@code sources} to {@code format} (pdf, docx…) in one soffice run; returns the outputs. */
    static List<Path> convert(Path dir, String format, List<Path> sources) throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        assertTrue(Files.isExecutable(soffice),
                "soffice is missing: run installer/install-deps.sh (installs libreoffice-writer-nogui)");
        Path out = Files.createDirectories(dir.resolve("out-" + format));
        List<String> cmd = new ArrayList<>(List.of(soffice.toString(),
                "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                "--headless", "--convert-to", format, "--outdir", out.toString()));
        sources.forEach(s -> cmd.add(s.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice-" + format + ".log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "soffice did not finish converting in 120 s");
        assertEquals(0, p.exitValue(), () -> "soffice failed: " + log(dir, format));
        List<Path> outputs = new ArrayList<>();
        for (Path s : sources) {
            String base = s.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            Path o = out.resolve(base + "." + format);
            assertTrue(Files.size(o) > 0, () -> "soffice wrote no " + o + ": " + log(dir, format));
            outputs.add(o);
        }
        return outputs;
    }

    private static String log(Path dir, String format) {
        try {
            return Files.readString(dir.resolve("soffice-" + format + ".log"));
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
