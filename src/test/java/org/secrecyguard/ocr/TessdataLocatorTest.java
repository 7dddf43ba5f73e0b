package org.secrecyguard.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TessdataLocatorTest {
    @TempDir
    Path dir;

    @Test
    void usesTheConfiguredFolderWhenItHasEveryLanguage() throws Exception {
        Files.writeString(dir.resolve("chi_sim.traineddata"), "x");
        Files.writeString(dir.resolve("eng.traineddata"), "x");
        TessdataLocator.Location found = TessdataLocator.locate(dir, "chi_sim+eng", Map.of(), null);
        assertEquals(dir, found.dir());
    }

    @Test
    void namesTheMissingLanguageAndWhereItLooked() throws Exception {
        Files.writeString(dir.resolve("eng.traineddata"), "x");
        TessdataLocator.Location found = TessdataLocator.locate(dir, "chi_sim+eng", Map.of(), null);
        assertFalse(found.found());
        assertTrue(found.problem().startsWith("OCR unavailable: Tesseract language data chi_sim not found in " + dir),
                found.problem());
    }

    @Test
    void honoursTessdataPrefixBeforeTheSystemFolders() throws Exception {
        Path data = Files.createDirectories(dir.resolve("tessdata"));
        Files.writeString(data.resolve("chi_sim.traineddata"), "x");
        Files.writeString(data.resolve("eng.traineddata"), "x");
        assertEquals(data, TessdataLocator.locate(null, "chi_sim+eng", Map.of("TESSDATA_PREFIX", data.toString()), null).dir());
        // Tesseract 3 meaning: the prefix is the parent of tessdata.
        assertEquals(data, TessdataLocator.locate(null, "chi_sim+eng", Map.of("TESSDATA_PREFIX", dir.toString()), null).dir());
    }

    @Test
    void findsDataShippedNextToTheApplication() throws Exception {
        Path app = Files.createDirectories(dir.resolve("SecrecyGuard/app"));
        Path data = Files.createDirectories(dir.resolve("SecrecyGuard/app/tessdata"));
        Files.writeString(data.resolve("zz_test.traineddata"), "x");
        assertEquals(data, TessdataLocator.locate(null, "zz_test", Map.of(), app).dir());
    }

    @Test
    void suggestsThePackageToInstallWhenNothingIsFound() {
        TessdataLocator.Location found = TessdataLocator.locate(null, "zz_none", Map.of(), null);
        assertTrue(found.problem().contains("install tesseract-ocr-zz-none"), found.problem());
        assertTrue(found.problem().contains("TESSDATA_PREFIX"), found.problem());
    }
}
