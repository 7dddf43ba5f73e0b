package org.secrecyguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secrecyguard.scan.ScanFixtures.CLEAN_TEXT;
import static org.secrecyguard.scan.ScanFixtures.MARKED_TEXT;
import static org.secrecyguard.scan.ScanFixtures.SECRET_PROSE;
import static org.secrecyguard.scan.ScanFixtures.SECRET_TERM;
import static org.secrecyguard.scan.ScanFixtures.assertNotShown;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.engine.marking.MarkingDetector;
import org.secrecyguard.extract.Document;
import org.secrecyguard.extract.DocumentExtractor;
import org.secrecyguard.extract.EmbeddedImage;
import org.secrecyguard.extract.ExtractLimits;
import org.secrecyguard.scan.ScanFixtures.ScriptedPictures;

/**
 * What a user sees from {@link Scanner}: marked files flagged, clean ones allowed, verdicts that follow
 * the rules in force, file-name markings that count even for unreadable files, budgets that end in a
 * row saying what was not checked, and results that never carry the caught text.
 */
class ScannerTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();

    private static Scanner scanner(Engine engine) {
        return new Scanner(() -> engine, EXTRACTOR::extract, PictureChecker.none("OCR unavailable: test"),
                ScanLimits.defaults());
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** A document source that counts how often it is asked and delegates to the real extractor. */
    private static final class CountingSource implements DocumentSource {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Document extract(Path file) throws org.secrecyguard.extract.ExtractionException {
            calls.incrementAndGet();
            return EXTRACTOR.extract(file);
        }
    }

    @Test
    void markedFileIsFlaggedAndCleanFileAllowed(@TempDir Path dir) throws Exception {
        try (Scanner scanner = scanner(Baseline.engine())) {
            ScanResult marked = scanner.scanFile(write(dir, "a.txt", MARKED_TEXT));
            assertEquals(ScanResult.Status.OK, marked.status());
            assertEquals(Optional.of(Level.SECRET), marked.level());
            assertEquals(dir.resolve("a.txt").toString(), marked.path());

            ScanResult clean = scanner.scanFile(write(dir, "b.txt", CLEAN_TEXT));
            assertEquals(ScanResult.Status.OK, clean.status());
            assertTrue(clean.verdict().isClean(), clean.verdict().toString());
            assertEquals("", clean.message());
            assertTrue(clean.notes().isEmpty(), clean.notes().toString());
        }
    }

    @Test
    void markedDocxIsFlaggedLikeText(@TempDir Path dir) throws Exception {
        Path docx = Files.write(dir.resolve("通知.docx"), ScanFixtures.docx("000123", "绝密★长期", "关于某事的通知"));
        try (Scanner scanner = scanner(Baseline.engine())) {
            ScanResult r = scanner.scanFile(docx);
            assertEquals(ScanResult.Status.OK, r.status(), r.message());
            assertEquals(Optional.of(Level.TOP_SECRET), r.level());
        }
    }

    @Test
    void scanTextFlagsMarkedTextAndAllowsCleanText() {
        try (Scanner scanner = scanner(Baseline.engine())) {
            ScanResult marked = scanner.scanText(MARKED_TEXT, "clipboard");
            assertEquals(Optional.of(Level.SECRET), marked.level());
            assertEquals("clipboard", marked.path());
            assertTrue(scanner.scanText(CLEAN_TEXT, "clipboard").verdict().isClean());
        }
    }

    @Test
    void newRulesVersionChangesTheVerdictForTheSameContent(@TempDir Path dir) throws Exception {
        Path file = write(dir, "a.txt", MARKED_TEXT);
        AtomicReference<Engine> current = new AtomicReference<>(new Engine(List.of(), "rules-1"));
        try (Scanner scanner = new Scanner(current::get, EXTRACTOR::extract, PictureChecker.none("off"),
                ScanLimits.defaults())) {
            assertTrue(scanner.scanFile(file).verdict().isClean(), "rules-1 has no detector");
            current.set(new Engine(List.of(MarkingDetector.allLevels()), "rules-2"));
            assertEquals(Optional.of(Level.SECRET), scanner.scanFile(file).level(),
                    "the cached rules-1 verdict must not outlive the rules");
            current.set(new Engine(List.of(new MarkingDetector(java.util.EnumSet.of(Level.TOP_SECRET))), "rules-3"));
            assertTrue(scanner.scanFile(file).verdict().isClean(), "rules-3 no longer looks for 机密");
        }
    }

    @Test
    void newEngineWithTheSameVersionLabelChangesTheVerdict(@TempDir Path dir) throws Exception {
        // A rule set edited in place (a local rules database, keywords added before a bundle was cut)
        // keeps its version label; the scanner must still judge by the engine in force, not by the label.
        Path file = write(dir, "a.txt", "会议纪要\n" + SECRET_PROSE + "\n");
        AtomicReference<Engine> current = new AtomicReference<>(Baseline.engine());
        try (Scanner scanner = new Scanner(current::get, EXTRACTOR::extract, PictureChecker.none("off"),
                ScanLimits.defaults())) {
            assertTrue(scanner.scanFile(file).verdict().isClean());
            current.set(ScanFixtures.keywordEngine(Baseline.RULES_VERSION));
            assertEquals(Optional.of(Level.SECRET), scanner.scanFile(file).level(),
                    "a new engine from the supplier must change the verdict even under the same version label");
        }
    }

    @Test
    void sameContentIsExtractedOnceButTheFileNameIsCheckedEveryTime(@TempDir Path dir) throws Exception {
        Path plain = write(dir, "notice.txt", CLEAN_TEXT);
        Path copy = write(dir, "机密★1年 notice.txt", CLEAN_TEXT);
        CountingSource source = new CountingSource();
        try (Scanner scanner = new Scanner(Baseline::engine, source, PictureChecker.none("off"), ScanLimits.defaults())) {
            assertTrue(scanner.scanFile(plain).verdict().isClean());
            ScanResult renamed = scanner.scanFile(copy);
            assertEquals(1, source.calls.get(), "same content, same rules: the cached content verdict is used");
            assertEquals(Optional.of(Level.SECRET), renamed.level(), "a marking in the name of a copy counts");
            assertEquals(copy.toString(), renamed.path(), "the row names the file scanned, not the cached one");
            assertTrue(renamed.verdict().findings().stream().anyMatch(f -> f.where().contains("file name")),
                    renamed.verdict().toString());
            assertTrue(scanner.scanFile(plain).verdict().isClean(), "the name finding is not cached with the content");

            Files.writeString(plain, MARKED_TEXT, StandardCharsets.UTF_8);
            assertEquals(Optional.of(Level.SECRET), scanner.scanFile(plain).level(), "changed content is scanned again");
            assertEquals(2, source.calls.get());
        }
    }

    @Test
    void fileNameMarkingCountsWhenTheContentIsEncrypted(@TempDir Path dir) throws Exception {
        byte[] locked = ScanFixtures.encrypted(ScanFixtures.docx("正文", SECRET_PROSE));
        Path file = Files.write(dir.resolve("机密★1年 方案.docx"), locked);
        try (Scanner scanner = scanner(Baseline.engine())) {
            ScanResult r = assertTimeoutPreemptively(HANG_GUARD, () -> scanner.scanFile(file));
            assertEquals(ScanResult.Status.ERROR, r.status(), "encrypted content was not checked");
            assertTrue(r.message().contains("encrypted"), r.message());
            assertEquals(Optional.of(Level.SECRET), r.level(), "the name's marking counts without the content");
        }
    }

    @Test
    void fileNameMarkingCountsWhenTheContentIsCorrupt(@TempDir Path dir) throws Exception {
        byte[] docx = ScanFixtures.docx(MARKED_TEXT.split("\n"));
        Path file = Files.write(dir.resolve("秘密 通知.docx"), Arrays.copyOf(docx, docx.length / 2));
        try (Scanner scanner = scanner(Baseline.engine())) {
            ScanResult r = assertTimeoutPreemptively(HANG_GUARD, () -> scanner.scanFile(file));
            assertTrue(r.isError());
            assertTrue(r.message().contains("corrupt"), r.message());
            assertEquals(Optional.of(Level.CONFIDENTIAL), r.level());
        }
    }

    @Test
    void unreadableFileWithAnUnmarkedNameIsAnErrorNotClean(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("report.docx"), ScanFixtures.encrypted(ScanFixtures.docx("正文")));
        try (Scanner scanner = scanner(Baseline.engine())) {
            ScanResult r = scanner.scanFile(file);
            assertTrue(r.isError(), "an unreadable file must not pass as checked and clean");
            assertFalse(r.message().isBlank());
        }
    }

    @Test
    void missingFileAndFolderAreErrors(@TempDir Path dir) {
        try (Scanner scanner = scanner(Baseline.engine())) {
            ScanResult missing = scanner.scanFile(dir.resolve("机密 gone.txt"));
            assertTrue(missing.isError());
            assertEquals("not found", missing.message());
            assertTrue(missing.verdict().isClean(), "the name of a file that is not there is not a finding");
            ScanResult folder = scanner.scanFile(dir);
            assertTrue(folder.isError());
            assertEquals("not a regular file", folder.message());
        }
    }

    @Test
    void fileOverTheSizeLimitIsAnErrorAndIsNotRead(@TempDir Path dir) throws Exception {
        Path big = Files.write(dir.resolve("机密 big.txt"), new byte[3 * 1024 * 1024]);
        CountingSource source = new CountingSource();
        ScanLimits limits = new ScanLimits(2L * 1024 * 1024, Duration.ofSeconds(60), 16);
        try (Scanner scanner = new Scanner(Baseline::engine, source, PictureChecker.none("off"), limits)) {
            ScanResult r = assertTimeoutPreemptively(HANG_GUARD, () -> scanner.scanFile(big));
            assertTrue(r.isError());
            assertEquals("too large: over 2 MB, not checked", r.message());
            assertEquals(0, source.calls.get(), "a file over the limit is never handed to the extractor");
            assertEquals(Optional.of(Level.SECRET), r.level(), "the name is still checked");
        }
    }

    @Test
    void extractionTimeBudgetGivesAnErrorNotAHang(@TempDir Path dir) throws Exception {
        // Numbered paragraphs: identical ones compress past the zip-bomb ratio and would test that instead.
        String[] paragraphs = new String[3000];
        Arrays.setAll(paragraphs, i -> "第" + i + "条 各单位：现将有关事项通知如下，请认真贯彻执行。");
        paragraphs[0] = "机密★1年";
        Path file = Files.write(dir.resolve("a.docx"), ScanFixtures.docx(paragraphs));
        DocumentExtractor hurried = new DocumentExtractor(ExtractLimits.defaults().withTimeBudget(Duration.ofMillis(1)));
        try (Scanner scanner = new Scanner(Baseline::engine, hurried::extract, PictureChecker.none("off"),
                ScanLimits.defaults())) {
            ScanResult r = assertTimeoutPreemptively(HANG_GUARD, () -> scanner.scanFile(file));
            assertTrue(r.isError(), "a file not read within the budget is not reported as checked");
            assertTrue(r.message().contains("time") || r.message().contains("took"), r.message());
        }
    }

    @Test
    void picturesPastTheFileBudgetAreSkippedWithANote(@TempDir Path dir) throws Exception {
        List<EmbeddedImage> images = List.of(new EmbeddedImage("image 1", new byte[] {1}, null),
                new EmbeddedImage("image 2", new byte[] {1}, null), new EmbeddedImage("image 3", new byte[] {1}, null));
        DocumentSource source = f -> new Document("docx", List.of(Segment.body("正文")), images, List.of());
        ScriptedPictures pictures = new ScriptedPictures("机密★1年", null);
        ScanLimits noTime = new ScanLimits(1 << 20, Duration.ofNanos(1), 16);
        try (Scanner scanner = new Scanner(Baseline::engine, source, pictures, noTime)) {
            ScanResult r = scanner.scanFile(write(dir, "a.docx", "x"));
            assertEquals(0, pictures.checks.get(), "no time left: no picture is read");
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("3 pictures not checked: time budget")),
                    r.notes().toString());
            assertTrue(r.verdict().isClean());
        }
    }

    @Test
    void picturesInADocumentAreCheckedWhenOcrIsAvailable(@TempDir Path dir) throws Exception {
        List<EmbeddedImage> images = List.of(new EmbeddedImage("image 1", new byte[] {1}, null),
                new EmbeddedImage("image 2 (bad)", new byte[] {1}, null));
        DocumentSource source = f -> new Document("docx", List.of(Segment.body("正文")), images, List.of());
        ScriptedPictures pictures = new ScriptedPictures("机密★1年\n关于某事的通知", "bad");
        try (Scanner scanner = new Scanner(Baseline::engine, source, pictures, ScanLimits.defaults())) {
            ScanResult r = scanner.scanFile(write(dir, "a.docx", "x"));
            assertEquals(ScanResult.Status.OK, r.status(), "one refused picture does not make the document unchecked");
            assertEquals(Optional.of(Level.SECRET), r.level());
            assertTrue(r.notes().contains("image 2 (bad): picture refused: damaged png"), r.notes().toString());
        }
        assertTrue(pictures.closed, "closing the scanner releases the OCR");
    }

    @Test
    void pictureFileWithoutOcrIsAnErrorNotClean(@TempDir Path dir) throws Exception {
        Path png = Files.write(dir.resolve("photo.jpg"), ScanFixtures.png("机密★1年", 300, 60));
        try (Scanner scanner = scanner(Baseline.engine())) {
            ScanResult r = scanner.scanFile(png);
            assertTrue(r.isError(), "a picture nobody read must not come out as checked and clean");
            assertEquals("not checked: OCR unavailable: test", r.message());
        }
    }

    @Test
    void picturesInADocumentWithoutOcrAreNoted(@TempDir Path dir) throws Exception {
        List<EmbeddedImage> images = List.of(new EmbeddedImage("image 1", ScanFixtures.png("x", 40, 20), null),
                new EmbeddedImage("image 2", ScanFixtures.png("y", 40, 20), null));
        DocumentSource source = f -> new Document("docx", List.of(Segment.body("正文")), images, List.of());
        try (Scanner scanner = new Scanner(Baseline::engine, source, PictureChecker.none("OCR switched off"),
                ScanLimits.defaults())) {
            ScanResult r = scanner.scanFile(write(dir, "a.docx", "x"));
            assertEquals(ScanResult.Status.OK, r.status());
            assertEquals(List.of("2 pictures not checked: OCR switched off"), r.notes());
        }
    }

    @Test
    void refusedPictureFileIsAnError(@TempDir Path dir) throws Exception {
        Path png = Files.write(dir.resolve("scan.png"), ScanFixtures.png("x", 40, 20));
        ScriptedPictures pictures = new ScriptedPictures("", "image");
        try (Scanner scanner = new Scanner(Baseline::engine, EXTRACTOR::extract, pictures, ScanLimits.defaults())) {
            ScanResult r = scanner.scanFile(png);
            assertTrue(r.isError());
            assertEquals("picture refused: damaged png", r.message());
        }
    }

    @Test
    void screenshotWithoutOcrCarriesANote() {
        try (Scanner scanner = scanner(Baseline.engine())) {
            ScanResult r = scanner.scanImage(new java.awt.image.BufferedImage(20, 20,
                    java.awt.image.BufferedImage.TYPE_INT_RGB), "screenshot");
            assertEquals(List.of("OCR unavailable: test"), r.notes(), "a picture not read says so");
        }
    }

    @Test
    void extractorBugGivesAnErrorRowNotAnException(@TempDir Path dir) throws Exception {
        Path file = write(dir, "a.txt", CLEAN_TEXT);
        DocumentSource broken = f -> {
            throw new IllegalStateException(SECRET_PROSE);
        };
        try (Scanner scanner = new Scanner(Baseline::engine, broken, PictureChecker.none("off"), ScanLimits.defaults())) {
            ScanResult r = scanner.scanFile(file);
            assertTrue(r.isError());
            assertEquals("cannot be checked: internal error (IllegalStateException)", r.message());
            assertNotShown(SECRET_TERM, r.toString(), "the error row");
        }
    }

    @Test
    void caughtTextNeverAppearsInTheResult(@TempDir Path dir) throws Exception {
        Path txt = write(dir, "a.txt", "机密★1年\n" + SECRET_PROSE + "\n");
        Path docx = Files.write(dir.resolve("b.docx"), ScanFixtures.docx("会议纪要", SECRET_PROSE));
        Path corrupt = Files.write(dir.resolve("c.docx"),
                Arrays.copyOf(ScanFixtures.docx(SECRET_PROSE), 900));
        Engine engine = new Engine(List.of(MarkingDetector.allLevels(),
                ScanFixtures.keywordEngine("x").detectors().get(0)), "rules-5");
        try (Scanner scanner = scanner(engine)) {
            for (Path p : List.of(txt, docx, corrupt)) {
                ScanResult r = scanner.scanFile(p);
                if (!p.equals(corrupt)) {
                    assertEquals(Optional.of(Level.SECRET), r.level(), p.getFileName().toString());
                    assertTrue(r.verdict().findings().stream().anyMatch(f -> f.rule().startsWith("kw:")),
                            "the keyword was found in " + p.getFileName());
                }
                assertNotShown(SECRET_TERM, r.toString(), "ScanResult.toString of " + p.getFileName());
                assertNotShown(SECRET_TERM, r.message(), "message");
                assertNotShown(SECRET_TERM, String.join("\n", r.notes()), "notes");
                for (Finding f : r.verdict().findings()) {
                    assertNotShown(SECRET_TERM, f.evidence(), "evidence");
                    // The prose around a catch is as classified as the catch itself.
                    assertNotShown("具体方案另行通知", f.toString(), "finding");
                }
            }
            ScanResult text = scanner.scanText(SECRET_PROSE, "clipboard");
            assertEquals(Optional.of(Level.SECRET), text.level());
            assertNotShown(SECRET_TERM, text.toString(), "scanText result");
        }
    }

    @Test
    void segmentsOfEveryKindReachTheEngine(@TempDir Path dir) throws Exception {
        // A marking in a header, a table cell or a text box counts even when the body is clean.
        for (SegmentKind kind : List.of(SegmentKind.HEADER, SegmentKind.TABLE_CELL, SegmentKind.TEXT_BOX,
                SegmentKind.FOOTNOTE, SegmentKind.COMMENT)) {
            DocumentSource source = f -> new Document("docx", List.of(Segment.body("各单位：请积极参加。"),
                    new Segment("绝密★长期", kind, kind.name().toLowerCase())), List.of(), List.of());
            try (Scanner scanner = new Scanner(Baseline::engine, source, PictureChecker.none("off"),
                    ScanLimits.defaults())) {
                assertEquals(Optional.of(Level.TOP_SECRET), scanner.scanFile(write(dir, "a.docx", "x")).level(), kind.name());
            }
        }
    }
}
