package org.secrecyguard.engine.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

/**
 * Photos of registered pages with the header and marking covered by paper, OCR'd by the real
 * tesseract command line (chi_sim), are traced back to the registered document and its level.
 * Tesseract runs once per photo, three photos in all.
 */
class PhotographedPageFingerprintTest {
    private static final TestRegistry REGISTRY = new TestRegistry();
    private static String wholePageModerate;
    private static String wholePageHard;
    private static String sixLinesModerate;

    @BeforeAll
    static void photographAndOcr(@TempDir Path dir) throws Exception {
        wholePageModerate = TesseractCli.ocr(PagePhoto.photo(TestDocuments.REGISTERED.get(0), 40, true,
                PagePhoto.Degradation.MODERATE, 21), dir, "notice-101");
        wholePageHard = TesseractCli.ocr(PagePhoto.photo(TestDocuments.REGISTERED.get(7), 40, true,
                PagePhoto.Degradation.HARD, 22), dir, "notice-108");
        sixLinesModerate = TesseractCli.ocr(PagePhoto.photo(TestDocuments.REGISTERED.get(4), 6, true,
                PagePhoto.Degradation.MODERATE, 23), dir, "notice-105-part");
    }

    @Test
    void coveredHeaderLeavesNoMarkingForTheMarkingDetector() {
        for (String ocr : List.of(wholePageModerate, wholePageHard, sixLinesModerate)) {
            assertFalse(ocr.contains("机密") || ocr.contains("绝密") || ocr.contains("★"),
                    "the photo should not show the marking");
            assertTrue(ocr.length() > 100, "tesseract returned too little text");
        }
    }

    @Test
    void flagsAPhotographedPageAtTheRegisteredLevel() {
        Finding f = single(wholePageModerate);
        assertEquals("fp:101", f.rule());
        assertEquals(Level.SECRET, f.level());
        assertEquals("image 1 (OCR)", f.where());
    }

    @Test
    void flagsABadlyPhotographedTopSecretPage() {
        Finding f = single(wholePageHard);
        assertEquals("fp:108", f.rule());
        assertEquals(Level.TOP_SECRET, f.level());
    }

    @Test
    void flagsAPhotoOfTheFirstFewLinesOnly() {
        Finding f = single(sixLinesModerate);
        assertEquals("fp:105", f.rule());
        assertEquals(Level.SECRET, f.level());
    }

    private static Finding single(String ocr) {
        List<Finding> findings = REGISTRY.findings(
                new DocumentText(List.of(new Segment(ocr, SegmentKind.OCR, "image 1 (OCR)"))));
        assertEquals(1, findings.size(), findings.toString());
        FingerprintDetectorTest.assertNoLeak(findings);
        return findings.get(0);
    }
}
