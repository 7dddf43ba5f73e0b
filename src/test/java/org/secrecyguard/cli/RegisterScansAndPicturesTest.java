package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;







import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.ocr.samples.PageRenderer;
import org.secrecyguard.ocr.samples.PageSpec;
import org.secrecyguard.ocr.samples.SampleImages;

/**
 * {@code rules register} reads what is only in pictures with real Tesseract: a scanned PDF (pages with
 * no text layer) and a Word file whose second half is a picture of a page. Without OCR, a file that is
 * only pictures is refused with the reason, and a file with text is registered from its text with a
 * warning about the pictures left unread.
 */
class RegisterScansAndPicturesTest {
    /** The Word file's own text: title and the first three sentences. */
    private static final List<String> TYPED = RegisteredNotice.BODY.subList(0, 3);
    /** The sentences only its picture shows. */
    private static final List<String> PICTURED = RegisteredNotice.BODY.subList(3, 6);

    @TempDir
    static Path dir;

    private static Path scannedPdf;
    private static Path wordWithPicture;
    private static Path photo;

    @BeforeAll
    static void makeFiles() throws Exception {
        scannedPdf = dir.resolve("scan.pdf");
        BufferedImage scanned = SampleImages.scan(RegisteredNotice.PAGE, 0.4, 5);
        ScannedFiles.imageOnlyPdf(scannedPdf, scanned);

        wordWithPicture = dir.resolve("notice-with-attachment.docx");
        PageSpec attachment = new PageSpec(null, null, false, null, null, null, "附件", PICTURED);
        byte[] png = ScannedFiles.png(PageRenderer.render(attachment, SampleImages.SCAN_PX_PER_MM));
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(wordWithPicture)) {
            doc.createParagraph().createRun().setText(RegisteredNotice.TITLE);
            for (String sentence : TYPED) {
                doc.createParagraph().createRun().setText(sentence);
            }
            doc.createParagraph().createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG,
                    "attachment.png", Units.toEMU(420), Units.toEMU(594));
            doc.write(out);
        }
        photo = RegisteredNotice.photo(dir, "photo.jpg", RegisteredNotice.PAGE, false, 2, 21);
    }


    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SecrecyGuardCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    private static Path newDb(String name) {
        Path db = dir.resolve(name);
        assertEquals("0", run("rules", "init", "--db", db.toString())[0]);
        return db;
    }

    /** Scans a draft quoting one sentence; returns the exit status and the output. */
    private static String[] scanQuote(Path db, String name, String sentence) throws Exception {
        Path draft = dir.resolve(name);
        Files.writeString(draft, "各位同事：请阅以下内容并提出意见。" + sentence + "谢谢。\n", StandardCharsets.UTF_8);
        return run("scan", "--json", "--no-ocr", "--rules", db.toString(), draft.toString());
    }

    @Test
    void scannedPdfIsRegisteredFromItsPagesThroughOcr() throws Exception {
        Path db = newDb("pdf.db");
        String[] reg = run("rules", "register", "--db", db.toString(), "--level", "TOP_SECRET", "--title", "试验通知",
                scannedPdf.toString());
        assertEquals("0", reg[0], reg[1] + reg[2]);
        assertTrue(reg[1].contains("text of 1 of 1 picture(s) read by OCR"), reg[1]);

        String[] scan = scanQuote(db, "quote-pdf.txt", RegisteredNotice.BODY.get(2));
        assertEquals("1", scan[0], scan[1] + scan[2]);
        assertTrue(scan[1].contains("\"level\":\"TOP_SECRET\"") && scan[1].contains("\"fingerprint\""), scan[1]);
        assertFalse(RegisteredNotice.printsRegisteredText(reg[1] + reg[2] + scan[1] + scan[2], 8));
    }

    @Test
    void wordFileIsRegisteredFromItsTextAndFromThePageInItsPicture() throws Exception {
        Path db = newDb("docx.db");
        String[] reg = run("rules", "register", "--db", db.toString(), "--level", "SECRET", "--title", "试验通知",
                wordWithPicture.toString());
        assertEquals("0", reg[0], reg[1] + reg[2]);

        String[] typed = scanQuote(db, "quote-typed.txt", TYPED.get(0));
        assertEquals("1", typed[0], typed[1]);
        String[] pictured = scanQuote(db, "quote-pictured.txt", PICTURED.get(1));
        assertEquals("1", pictured[0], "a sentence only the picture shows: " + pictured[1]);
        assertTrue(pictured[1].contains("\"level\":\"SECRET\"") && pictured[1].contains("试验通知"), pictured[1]);
        String[] unrelated = scanQuote(db, "unrelated.txt", "下午三点在三楼会议室召开全体职工大会，请准时参加。");
        assertEquals("0", unrelated[0], unrelated[1]);
    }

    @Test
    void withoutOcrAPictureIsRefusedWithTheReasonAndPicturesInTextFilesAreNamed() throws Exception {
        Path db = newDb("no-ocr.db");
        Path emptyTessdata = Files.createDirectories(dir.resolve("no-tessdata"));
        String[] refused = run("rules", "register", "--db", db.toString(), "--level", "SECRET",
                "--tessdata", emptyTessdata.toString(), photo.toString());
        assertEquals("2", refused[0], refused[1]);
        assertTrue(refused[2].contains("not registered") && refused[2].contains("pictures cannot be read here")
                && refused[2].contains("OCR unavailable"), refused[2]);
        assertTrue(refused[1].contains("0 registered"), refused[1]);

        String[] partly = run("rules", "register", "--db", db.toString(), "--level", "SECRET", "--no-ocr",
                wordWithPicture.toString());
        assertEquals("0", partly[0], partly[2]);
        assertTrue(partly[2].contains("warning: 1 picture not read: OCR switched off"), partly[2]);
        assertEquals("1", scanQuote(db, "quote-typed-2.txt", TYPED.get(1))[0]);
        assertEquals("0", scanQuote(db, "quote-pictured-2.txt", PICTURED.get(1))[0],
                "the picture was not read, so its sentences are not registered");
    }
}
