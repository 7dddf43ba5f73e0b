package org.secrecyguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secrecyguard.scan.ScanFixtures.SECRET_PROSE;
import static org.secrecyguard.scan.ScanFixtures.SECRET_TERM;
import static org.secrecyguard.scan.ScanFixtures.assertNotShown;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.extract.Document;
import org.secrecyguard.extract.DocumentExtractor;
import org.secrecyguard.extract.EmbeddedImage;
import org.secrecyguard.scan.ScanFixtures.ScriptedPictures;

/** Registering a document reads all of its text, and says what it could not read instead of passing over it. */
class FileTextReaderTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();

    private static FileTextReader reader(PictureChecker pictures) {
        return new FileTextReader(EXTRACTOR::extract, pictures, ScanLimits.defaults());
    }

    @Test
    void readsTheTextOfADocxButNotItsFileName(@TempDir Path dir) throws Exception {
        Path docx = Files.write(dir.resolve("机密 方案.docx"), ScanFixtures.docx("会议纪要", SECRET_PROSE));
        try (FileTextReader reader = reader(PictureChecker.none("off"))) {
            FileText text = reader.read(docx);
            assertTrue(text.text().contains(SECRET_TERM), "the document text is read for fingerprinting");
            assertFalse(text.text().contains("方案.docx"), "the file name is not document text");
            assertTrue(text.complete());
            assertFalse(text.isBlank());
            assertEquals(0, text.pictures());
        }
    }

    @Test
    void pictureFileWithoutOcrIsReadAsNothingWithANote(@TempDir Path dir) throws Exception {
        Path png = Files.write(dir.resolve("page.png"), ScanFixtures.png("机密", 80, 40));
        try (FileTextReader reader = reader(PictureChecker.none("OCR switched off (--no-ocr)"))) {
            FileText text = reader.read(png);
            assertTrue(text.isBlank());
            assertFalse(text.complete(), "a picture not read leaves the registration incomplete");
            assertEquals(1, text.pictures());
            assertEquals(0, text.picturesRead());
            assertEquals(List.of("1 picture not read: OCR switched off (--no-ocr)"), text.notes());
        }
    }

    @Test
    void picturesInADocumentAreReadInOrderAfterTheText(@TempDir Path dir) throws Exception {
        List<EmbeddedImage> images = List.of(new EmbeddedImage("image 1", new byte[] {1}, null),
                new EmbeddedImage("image 2 (bad)", new byte[] {1}, null));
        DocumentSource source = f -> new Document("docx", List.of(Segment.body("正文第一段"),
                new Segment("a.docx", SegmentKind.FILE_NAME, "file name")), images, List.of("1 images skipped: limit 2"));
        ScriptedPictures pictures = new ScriptedPictures("图片中的文字", "bad");
        try (FileTextReader reader = new FileTextReader(source, pictures, ScanLimits.defaults())) {
            FileText text = reader.read(Files.writeString(dir.resolve("a.docx"), "x"));
            assertEquals("正文第一段\n图片中的文字", text.text());
            assertEquals(2, text.pictures());
            assertEquals(1, text.picturesRead());
            assertEquals(List.of("1 images skipped: limit 2", "image 2 (bad): picture refused: damaged png"), text.notes());
        }
    }

    @Test
    void refusedPictureThatIsTheWholeFileIsUnreadable(@TempDir Path dir) throws Exception {
        Path png = Files.write(dir.resolve("page.png"), ScanFixtures.png("x", 40, 20));
        try (FileTextReader reader = reader(new ScriptedPictures("", "image"))) {
            UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> reader.read(png));
            assertEquals("picture refused: damaged png", e.getMessage());
        }
    }

    @Test
    void picturesPastTheFileBudgetAreNoted(@TempDir Path dir) throws Exception {
        List<EmbeddedImage> images = List.of(new EmbeddedImage("image 1", new byte[] {1}, null),
                new EmbeddedImage("image 2", new byte[] {1}, null));
        DocumentSource source = f -> new Document("pdf", List.of(Segment.body("正文")), images, List.of());
        ScriptedPictures pictures = new ScriptedPictures("文字", null);
        ScanLimits noTime = new ScanLimits(1 << 20, Duration.ofNanos(1), 0);
        try (FileTextReader reader = new FileTextReader(source, pictures, noTime)) {
            FileText text = reader.read(Files.writeString(dir.resolve("a.pdf"), "x"));
            assertEquals(0, pictures.checks.get());
            assertFalse(text.complete());
            assertTrue(text.notes().get(0).startsWith("2 pictures not read: time budget of"), text.notes().toString());
        }
    }

    @Test
    void encryptedCorruptMissingAndTooLargeFilesAreUnreadableWithoutQuotingThem(@TempDir Path dir) throws Exception {
        byte[] docx = ScanFixtures.docx("正文", SECRET_PROSE);
        Path encrypted = Files.write(dir.resolve("e.docx"), ScanFixtures.encrypted(docx));
        Path corrupt = Files.write(dir.resolve("c.docx"), Arrays.copyOf(docx, docx.length / 2));
        Path big = Files.writeString(dir.resolve("big.txt"), SECRET_PROSE.repeat(50_000), StandardCharsets.UTF_8);
        ScanLimits small = new ScanLimits(1024 * 1024, Duration.ofSeconds(60), 0);
        try (FileTextReader reader = new FileTextReader(EXTRACTOR::extract, PictureChecker.none("off"), small)) {
            assertTrue(message(reader, encrypted).startsWith("encrypted"), message(reader, encrypted));
            assertTrue(message(reader, corrupt).contains("corrupt"), message(reader, corrupt));
            assertEquals("file not found", message(reader, dir.resolve("gone.docx")));
            assertEquals("too large: over 1 MB", message(reader, big));
        }
    }

    private static String message(FileTextReader reader, Path file) {
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> reader.read(file));
        assertNotShown(SECRET_TERM, e.getMessage(), "the message for " + file.getFileName());
        return e.getMessage();
    }
}
