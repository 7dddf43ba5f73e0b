package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Registered documents caught through OCR with real Tesseract (case 4: the red header and the marking
 * covered with paper, then photographed): a notice registered as text is recognised in a photo that
 * shows no marking at all, at the registered level; a notice registered from a photo is recognised in
 * its retyped, de-marked text; a public page of the same layout passes. No output shows registered text.
 */
class RegisteredDocumentPhotoTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path coveredPhoto;
    private static Path publicPhoto;

    @BeforeAll
    static void makeFiles() throws Exception {
        coveredPhoto = RegisteredNotice.photo(dir, "IMG_20261002_221407.jpg", RegisteredNotice.PAGE, true, 3, 11);
        publicPhoto = RegisteredNotice.photo(dir, "IMG_20261002_221730.jpg", RegisteredNotice.PUBLIC_PAGE, true, -2, 12);
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SecrecyGuardCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    private static Path newDb(String name) {
        Path db = dir.resolve(name);
        String[] init = run("rules", "init", "--db", db.toString());
        assertEquals("0", init[0], init[2]);
        return db;
    }

    private static Map<String, JsonNode> rows(String stdout) throws Exception {
        Map<String, JsonNode> rows = new HashMap<>();
        for (String line : stdout.split("\\R")) {
            if (!line.isBlank()) {
                JsonNode row = JSON.readTree(line);
                rows.put(Path.of(row.get("path").asText()).getFileName().toString(), row);
            }
        }
        return rows;
    }

    private static List<JsonNode> fingerprintFindings(JsonNode row) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode f : row.get("findings")) {
            if (f.get("detector").asText().equals("fingerprint")) {
                found.add(f);
            }
        }
        return found;
    }

    @Test
    void photoOfARegisteredPageWithItsHeaderCoveredIsFlaggedAtTheRegisteredLevel() throws Exception {
        Path db = newDb("text-registered.db");
        Path text = RegisteredNotice.textFile(dir, "notice.txt", true);
        String[] reg = run("rules", "register", "--db", db.toString(), "--level", "SECRET", "--title", "试验通知",
                text.toString());
        assertEquals("0", reg[0], reg[2]);

        String[] scan = run("scan", "--json", "--rules", db.toString(), coveredPhoto.toString(), publicPhoto.toString());
        assertEquals("1", scan[0], scan[1] + scan[2]);
        Map<String, JsonNode> rows = rows(scan[1]);
        JsonNode photo = rows.get(coveredPhoto.getFileName().toString());
        assertEquals("block", photo.get("verdict").asText(), photo.toString());
        assertEquals("SECRET", photo.get("level").asText(), photo.toString());
        List<JsonNode> fp = fingerprintFindings(photo);
        assertEquals(1, fp.size(), photo.toString());
        assertEquals("SECRET", fp.get(0).get("level").asText());
        assertTrue(fp.get(0).get("evidence").asText().contains("试验通知"), fp.get(0).toString());
        assertTrue(fp.get(0).get("where").asText().contains("OCR"), fp.get(0).toString());
        // The paper hid the marking: only the registered text could have told.
        for (JsonNode f : photo.get("findings")) {
            assertFalse(f.get("detector").asText().equals("marking"), photo.toString());
        }

        JsonNode publicRow = rows.get(publicPhoto.getFileName().toString());
        assertEquals("allow", publicRow.get("verdict").asText(), publicRow.toString());
        assertEquals(0, publicRow.get("findings").size(), publicRow.toString());

        assertFalse(RegisteredNotice.printsRegisteredText(reg[1] + reg[2] + scan[1] + scan[2], 8),
                "registered text must not be printed");
    }

    @Test
    void publicPagePassesBecauseItsTextIsNotRegisteredNotBecauseItWasNotRead() throws Exception {
        // The same photo is flagged once its own text is registered: OCR did read the whole page.
        Path db = newDb("public-registered.db");
        Path text = dir.resolve("public.txt");
        java.nio.file.Files.writeString(text, RegisteredNotice.PUBLIC_PAGE.title() + "\n"
                + String.join("\n", RegisteredNotice.PUBLIC_PAGE.body()));
        assertEquals("0", run("rules", "register", "--db", db.toString(), "--level", "INTERNAL", text.toString())[0]);
        String[] scan = run("scan", "--json", "--rules", db.toString(), publicPhoto.toString());
        assertEquals("1", scan[0], scan[1] + scan[2]);
        JsonNode row = rows(scan[1]).get(publicPhoto.getFileName().toString());
        assertEquals("INTERNAL", row.get("level").asText(), row.toString());
        assertEquals(1, fingerprintFindings(row).size(), row.toString());
    }

    @Test
    void documentRegisteredFromAPhotoIsRecognisedInItsRetypedUnmarkedText() throws Exception {
        Path db = newDb("photo-registered.db");
        Path registrationPhoto = RegisteredNotice.photo(dir, "registration.jpg", RegisteredNotice.PAGE, false, -3, 13);
        String[] reg = run("rules", "register", "--db", db.toString(), "--level", "SECRET", "--title", "试验通知",
                registrationPhoto.toString());
        assertEquals("0", reg[0], reg[1] + reg[2]);
        assertTrue(reg[1].contains("read by OCR"), reg[1]);
        assertTrue(reg[1].contains("«试验通知»"), reg[1]);

        // Retyped without the marking ("downgraded"): only the fingerprint can flag it.
        Path retyped = RegisteredNotice.textFile(dir, "retyped.txt", false);
        String[] scan = run("scan", "--json", "--no-ocr", "--rules", db.toString(), retyped.toString());
        assertEquals("1", scan[0], scan[1] + scan[2]);
        JsonNode row = rows(scan[1]).get("retyped.txt");
        assertEquals("SECRET", row.get("level").asText(), row.toString());
        assertEquals(1, fingerprintFindings(row).size(), row.toString());
        assertFalse(RegisteredNotice.printsRegisteredText(reg[1] + reg[2] + scan[1] + scan[2], 8),
                "registered text must not be printed");
    }
}
