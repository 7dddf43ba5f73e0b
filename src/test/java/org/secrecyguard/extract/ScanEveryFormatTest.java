package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.scan.PictureChecker;
import org.secrecyguard.scan.ScanLimits;
import org.secrecyguard.scan.ScanResult;
import org.secrecyguard.scan.Scanner;

/**
 * What a user sees for a file of each supported format written to disk under a neutral name: the
 * markings of its header, table cell, text box, footnote and comment are each found where they stand,
 * by the real extractor and the built-in rules.
 */
class ScanEveryFormatTest {
    private static final List<String> DOCUMENT_PLACES = List.of("header", "table 1 row 2 col 1", "text box",
            "footnote 1", "comment 1");

    private static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("file1.docx", TestDocuments.docx());
        files.put("file2.doc", TestWord97.doc());
        files.put("file3.odt", TestOpenDocuments.odt());
        files.put("file4.rtf", TestTextFiles.rtf());
        files.put("file5.xlsx", TestDocuments.xlsx());
        files.put("file6.xls", TestDocuments.xls());
        files.put("file7.pptx", TestDocuments.pptx());
        files.put("file8.ppt", TestDocuments.ppt());
        files.put("file9.pdf", TestDocuments.pdf());
        files.put("file10.ofd", TestOpenDocuments.ofd());
        files.put("file11.ods", TestOpenDocuments.ods());
        files.put("file12.odp", TestOpenDocuments.odp());
        files.put("file13.html", TestTextFiles.htmlGbk());
        files.put("file14.wps", TestWord97.doc());
        files.put("file15.zip", TestDocuments.zip(TestDocuments.entries("x/a.docx", TestDocuments.docx())));
        files.put("file16.xlsb", xlsb());
        files.put("file17.wmf", TestMetafiles.wmfWithText(8000, 3000, Markings.FIRST_LINE_MARK, Markings.TITLE));
        return files;
    }

    /** The xlsx test workbook's places, as an Excel binary workbook (no text boxes: TestXlsb writes no drawings). */
    private static byte[] xlsb() {
        TestXlsb book = new TestXlsb();
        book.sheet("预算").shared(0, 0, "项目").shared(1, 0, Markings.CELL_MARK).inline(3, 1, Markings.SPLIT_MARK)
                .comment(0, 0, "审核", Markings.COMMENT_MARK).headerFooter("&C" + Markings.HEADER_MARK, null);
        return book.build();
    }

    private static List<String> places(ScanResult r) {
        return r.verdict().findings().stream().map(Finding::where).toList();
    }

    private static void assertFoundAt(ScanResult r, String place) {
        if (places(r).stream().noneMatch(w -> w.contains(place))) {
            fail(Path.of(r.path()).getFileName() + ": no finding at '" + place + "'; findings at " + places(r));
        }
    }

    @Test
    void everyFormatIsFlaggedFromEachPlaceItHasMarkingsIn(@TempDir Path dir) throws Exception {
        try (Scanner scanner = new Scanner(Baseline::engine, new DocumentExtractor()::extract,
                PictureChecker.none("OCR unavailable: test"), ScanLimits.defaults())) {
            for (Map.Entry<String, byte[]> f : files().entrySet()) {
                ScanResult r = scanner.scanFile(Files.write(dir.resolve(f.getKey()), f.getValue()));
                String name = f.getKey();
                assertEquals(ScanResult.Status.OK, r.status(), name + ": " + r.message());
                assertTrue(r.level().isPresent(), name + " is flagged");
                assertTrue(places(r).stream().noneMatch(w -> w.contains("file name")), "a neutral name adds nothing");
                switch (name.substring(name.indexOf('.') + 1)) {
                    case "docx", "doc", "odt", "wps" -> {
                        DOCUMENT_PLACES.forEach(p -> assertFoundAt(r, p));
                        assertFoundAt(r, "body");
                        assertEquals(Optional.of(Level.TOP_SECRET), r.level(), name);
                    }
                    case "rtf" -> {
                        DOCUMENT_PLACES.forEach(p -> assertFoundAt(r, p));
                        assertEquals(Optional.of(Level.TOP_SECRET), r.level());
                    }
                    case "xlsx", "xls" -> {
                        List.of("!A2", "!B4", "header", "comment", "text box").forEach(p -> assertFoundAt(r, p));
                        assertEquals(Optional.of(Level.TOP_SECRET), r.level(), name);
                    }
                    case "xlsb" -> {
                        List.of("!A2", "!B4", "header", "comment").forEach(p -> assertFoundAt(r, p));
                        assertEquals(Optional.of(Level.TOP_SECRET), r.level(), name);
                    }
                    case "wmf" -> assertFoundAt(r, "drawing text");
                    case "pptx", "ppt" -> {
                        List.of("slide 1", "text box", "table 1 row 2 col 1").forEach(p -> assertFoundAt(r, p));
                        assertEquals(Optional.of(Level.TOP_SECRET), r.level(), name);
                    }
                    case "pdf" -> {
                        assertFoundAt(r, "page 1");
                        assertFoundAt(r, "page 1 comment 1");
                        assertTrue(r.notes().contains("1 picture not checked: OCR unavailable: test"), r.notes().toString());
                    }
                    case "ofd" -> {
                        assertFoundAt(r, "page 1");
                        assertFoundAt(r, "page template");
                    }
                    case "ods" -> assertFoundAt(r, "!B4");
                    case "odp" -> {
                        assertFoundAt(r, "slide 1");
                        assertFoundAt(r, "slide 1 notes");
                    }
                    case "html" -> assertFoundAt(r, "table 1 row 2 col 1");
                    case "zip" -> {
                        assertFoundAt(r, "file15.zip!/x/a.docx header");
                        assertFoundAt(r, "file15.zip!/x/a.docx comment 1");
                    }
                    default -> fail("no expectation for " + name);
                }
            }
        }
    }
}
