package org.secrecyguard.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.TextDetector;
import org.secrecyguard.ocr.samples.PhotoSimulator;
import org.secrecyguard.ocr.samples.SampleImage;
import org.secrecyguard.ocr.samples.SampleImages;

/**
 * Real Tesseract on generated scans, phone photos, editor screenshots and header crops. Needs
 * tesseract-ocr with chi_sim (installer/install-deps.sh installs it); without it the test fails,
 * it does not skip.
 */
class TesseractImageInspectorTest {
    private static Map<String, SampleImage> samples;
    private static TesseractImageInspector inspector;

    @BeforeAll
    static void start() {
        samples = SampleImages.standardSet().stream().collect(Collectors.toMap(SampleImage::name, s -> s));
        inspector = new TesseractImageInspector(OcrConfig.defaults().withCacheEntries(16));
        assertTrue(inspector.available(), "Tesseract with chi_sim must be installed here: " + inspector.status());
    }

    @AfterAll
    static void stop() {
        inspector.close();
    }

    private static Engine recording(RecordingDetector detector) {
        return new Engine(List.of(detector), "test-" + System.nanoTime());
    }

    /** The baseline engine (the real marking detector) plus a recorder of what OCR read. */
    private static Engine baselineWith(RecordingDetector detector) {
        List<TextDetector> detectors = new ArrayList<>(Baseline.engine().detectors());
        detectors.add(detector);
        return new Engine(detectors, Baseline.RULES_VERSION + "+recorder-" + System.nanoTime());
    }

    @Test
    void flagsEveryMarkedPictureAtItsLevelFromTheHeaderAlone() {
        for (SampleImage sample : samples.values()) {
            if (!sample.marked()) {
                continue;
            }
            RecordingDetector read = RecordingDetector.silent();
            ImageInspection result = inspector.inspect(sample.image(), sample.name(), baselineWith(read));
            assertTrue(result.ocrUsed(), sample.name());
            assertEquals(sample.expected(), result.verdict().highest().orElse(null),
                    sample.name() + ": read " + read.allText().lines().limit(12).toList() + " " + result.verdict());
            Finding marking = result.verdict().findings().stream()
                    .filter(f -> f.detector() == DetectorType.MARKING).findFirst().orElseThrow();
            assertTrue(marking.where().startsWith(sample.name() + " (OCR header)"), marking.where());
            // The header settled it: the whole page was not read.
            assertTrue(read.seen.stream().allMatch(s -> s.where().equals(sample.name() + " (OCR header)")),
                    sample.name() + " read " + read.seen.stream().map(Segment::where).toList());
        }
    }

    @Test
    void addsTheRedHeaderAsSupportingEvidenceOfAMarkedPage() {
        SampleImage scan = samples.get("scan-secret-redheader");
        ImageInspection result = inspector.inspect(scan.image(), "scan.jpg", Baseline.engine());
        Finding red = result.verdict().findings().stream().filter(f -> f.detector() == DetectorType.IMAGE)
                .findFirst().orElseThrow();
        assertEquals("image.red-header", red.rule());
        assertEquals(Level.SECRET, red.level());
        assertEquals("scan.jpg (red header)", red.where());
    }

    @Test
    void allowsRedHeaderPublicNoticesAndOrdinaryScreens() {
        for (SampleImage sample : samples.values()) {
            if (sample.marked()) {
                continue;
            }
            RecordingDetector read = RecordingDetector.silent();
            ImageInspection result = inspector.inspect(sample.image(), sample.name(), baselineWith(read));
            assertTrue(result.verdict().isClean(), sample.name() + ": " + result.verdict());
            assertTrue(result.note().isEmpty(), sample.name() + ": " + result.note());
        }
    }

    @Test
    void readsTheWholePageOnlyWhenTheEngineNeedsBodyText() {
        SampleImage notice = samples.get("scan-public-notice");
        RecordingDetector headerOnly = new RecordingDetector(false);
        inspector.inspect(notice.image(), "notice", recording(headerOnly));
        assertFalse(headerOnly.seen.stream().anyMatch(s -> s.where().endsWith("(OCR page)")));

        RecordingDetector body = new RecordingDetector(true);
        inspector.inspect(notice.image(), "notice", recording(body));
        assertTrue(body.seen.stream().anyMatch(s -> s.where().equals("notice (OCR page)")));
        assertTrue(body.allText().contains("非物质文化遗产"), "the title is read with the page");
    }

    @Test
    void remembersRepeatedPicturesAndRelocatesTheirFindings() throws Exception {
        SampleImage sample = samples.get("header-crop-secret");
        byte[] png = encodePng(sample.image());
        RecordingDetector detector = new RecordingDetector(false);
        Engine engine = recording(detector);
        ImageInspection first = inspector.inspect(png, "a.png", engine);
        int readsAfterFirst = detector.seen.size();
        ImageInspection second = inspector.inspect(png, "b.png", engine);
        assertEquals(readsAfterFirst, detector.seen.size(), "served from the cache, not read again");
        assertEquals(Level.SECRET, second.verdict().highest().orElseThrow());
        assertEquals("a.png (OCR header)", first.verdict().findings().get(0).where());
        assertEquals("b.png (OCR header)", second.verdict().findings().get(0).where());
    }

    @Test
    void servesConcurrentCallersCorrectly() throws Exception {
        List<SampleImage> marked = samples.values().stream().filter(SampleImage::marked)
                .filter(s -> !s.name().startsWith("photo")).toList();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (TesseractImageInspector pool = new TesseractImageInspector(OcrConfig.defaults().withWorkers(2).withCacheEntries(0))) {
            List<Future<Level>> levels = new ArrayList<>();
            for (SampleImage s : marked) {
                levels.add(callers.submit(() -> pool.inspect(s.image(), s.name(), Baseline.engine())
                        .verdict().highest().orElse(null)));
            }
            for (int i = 0; i < marked.size(); i++) {
                assertEquals(marked.get(i).expected(), levels.get(i).get(), marked.get(i).name());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void stopsAtTheTimeBudgetAndSaysSo() {
        OcrConfig tight = OcrConfig.defaults().withBudgets(Duration.ofMillis(5), Duration.ofMillis(5))
                .withBodyReading(BodyReading.ALWAYS).withCacheEntries(0).withWorkers(1);
        try (TesseractImageInspector hurried = new TesseractImageInspector(tight)) {
            ImageInspection result = hurried.inspect(samples.get("photo-secret-tilt4").image(), "photo",
                    recording(new RecordingDetector(true)));
            assertTrue(result.note().contains("time budget"), result.note());
        }
    }

    @Test
    void startsTesseractOnlyOnTheFirstPicture() {
        assertTrue(TesseractLibrary.installed(), "libtesseract is found by its file name here");
        long before = ocrThreads();
        try (TesseractImageInspector idle = new TesseractImageInspector(OcrConfig.defaults().withWorkers(3).withCacheEntries(0))) {
            assertTrue(idle.available(), idle.status());
            assertEquals(before, ocrThreads(), "no OCR thread while no picture came");
            ImageInspection result = idle.inspect(samples.get("scan-secret-redheader").image(), "scan",
                    Baseline.engine());
            assertTrue(result.ocrUsed(), result.note());
            assertEquals(Level.SECRET, result.verdict().highest().orElseThrow());
            assertEquals(before + 3, ocrThreads());
        }
    }

    private static long ocrThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("ocr-tesseract")).count();
    }

    @Test
    void saysWhyOcrIsUnavailableInsteadOfFailing(@TempDir Path emptyDir) throws Exception {
        try (TesseractImageInspector missing = new TesseractImageInspector(OcrConfig.defaults().withTessdataDir(emptyDir))) {
            assertFalse(missing.available());
            assertTrue(missing.status().startsWith("OCR unavailable: Tesseract language data chi_sim"), missing.status());
            assertTrue(missing.status().contains(emptyDir.toString()), missing.status());
            ImageInspection result = missing.inspect(samples.get("scan-secret-redheader").image(), "scan",
                    recording(new RecordingDetector(false)));
            assertTrue(result.verdict().isClean());
            assertFalse(result.ocrUsed());
            assertEquals(missing.status(), result.note());
        }
    }

    @Test
    void refusesABrokenPictureWithAClearError() {
        byte[] broken = java.util.Arrays.copyOf(PhotoSimulator.jpegBytes(samples.get("screenshot-chat").image(), 0.8f), 64);
        ImageRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(ImageRejectedException.class,
                () -> inspector.inspect(broken, "broken.jpg", recording(new RecordingDetector(false))));
        assertEquals(ImageRejectedException.Reason.CORRUPT, e.reason());
    }

    private static byte[] encodePng(java.awt.image.BufferedImage img) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
