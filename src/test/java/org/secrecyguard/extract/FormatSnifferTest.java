package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secrecyguard.extract.Extracted.segment;
import static org.secrecyguard.extract.Markings.CELL_MARK;
import static org.secrecyguard.extract.Markings.FIRST_LINE_MARK;
import static org.secrecyguard.extract.Markings.HEADER_MARK;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.extract.ExtractionException.Reason;

/**
 * {@link FormatSniffer} picks the format from the bytes: a renamed file is read as what it is, and the
 * extension only words the label of look-alike families.
 */
class FormatSnifferTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();

    private static Sniffed sniff(String name, byte[] content) throws ExtractionException {
        return FormatSniffer.sniff(name, content, 10_000);
    }

    @Test
    void officePackagesAreKnownByTheirContentTypesWhateverTheirName() throws Exception {
        assertEquals(new Sniffed(Format.DOCX, "docx"), sniff("notes.txt", TestDocuments.docx()));
        assertEquals(new Sniffed(Format.XLSX, "xlsx"), sniff("budget.doc", TestDocuments.xlsx()));
        assertEquals(new Sniffed(Format.PPTX, "pptx"), sniff("slides", TestDocuments.pptx()));
        assertEquals(new Sniffed(Format.ODF, "odt"), sniff("a.docx", TestOpenDocuments.odt()));
        assertEquals(new Sniffed(Format.ODF, "ods"), sniff("a.xlsx", TestOpenDocuments.ods()));
        assertEquals(new Sniffed(Format.ODF, "odp"), sniff("a.zip", TestOpenDocuments.odp()));
        assertEquals(Format.OFD, sniff("a.pdf", TestOpenDocuments.ofd()).format());
    }

    @Test
    void docxRenamedToTxtIsReadAsADocx() throws Exception {
        Document doc = EXTRACTOR.extract("备忘.txt", TestDocuments.docx());
        assertEquals("docx", doc.format());
        segment(doc, SegmentKind.HEADER, "header", HEADER_MARK);
        segment(doc, SegmentKind.TABLE_CELL, "table 1 row 2 col 1", CELL_MARK);
    }

    @Test
    void docxThatIsReallyAZipOfJunkIsAZipAndSaysWhatItSkipped() throws Exception {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        byte[] zip = TestDocuments.zip(TestDocuments.entries("data.bin", junk, "readme.txt", FIRST_LINE_MARK + "\n说明"));
        assertEquals(new Sniffed(Format.ZIP, "zip"), sniff("通知.docx", zip));
        Document doc = EXTRACTOR.extract("通知.docx", zip);
        assertEquals("zip", doc.format());
        segment(doc, SegmentKind.BODY, "通知.docx!/readme.txt body", FIRST_LINE_MARK);
        assertTrue(doc.notes().contains("1 entries in formats that cannot be checked (programs, media, …) skipped"),
                doc.notes().toString());
    }

    @Test
    void docxOfJunkBytesIsUnsupportedNotCrashing() {
        byte[] junk = new byte[4096];
        new Random(11).nextBytes(junk);
        ExtractionException e = assertThrows(ExtractionException.class, () -> EXTRACTOR.extract("通知.docx", junk));
        assertEquals(Reason.UNSUPPORTED, e.reason());
        assertTrue(e.getMessage().startsWith("unsupported format ("), e.getMessage());
    }

    @Test
    void binaryOfficeFilesAreKnownByTheirOle2Streams() throws Exception {
        assertEquals(new Sniffed(Format.DOC, "doc"), sniff("a.xls", TestWord97.doc()));
        assertEquals(new Sniffed(Format.DOC, "wps"), sniff("a.WPS", TestWord97.doc()));
        assertEquals(new Sniffed(Format.XLS, "xls"), sniff("a.ppt", TestDocuments.xls()));
        assertEquals(new Sniffed(Format.XLS, "et"), sniff("a.et", TestDocuments.xls()));
        assertEquals(new Sniffed(Format.PPT, "ppt"), sniff("a.doc", TestDocuments.ppt()));
        assertEquals(new Sniffed(Format.PPT, "dps"), sniff("a.dps", TestDocuments.ppt()));
    }

    @Test
    void encryptedOfficeFilesAreRecognisedAsEncryptedBeforeAnyParsing() throws Exception {
        Sniffed s = sniff("预算.xlsx", TestDocuments.encryptOoxml(TestDocuments.xlsx()));
        assertEquals(Format.ENCRYPTED_OOXML, s.format());
        assertEquals("encrypted xlsx", s.label());
        assertEquals("encrypted office file", sniff("noext", TestDocuments.encryptOoxml(TestDocuments.pptx())).label());
    }

    @Test
    void damagedOle2AndTruncatedZipAreNamedForTheMessage() throws Exception {
        byte[] doc = TestWord97.doc();
        assertEquals(new Sniffed(Format.UNSUPPORTED, "damaged OLE2 file"), sniff("a.doc", Arrays.copyOf(doc, 600)));
        byte[] docx = TestDocuments.docx();
        Sniffed truncated = sniff("a.bin", Arrays.copyOf(docx, docx.length - 200));
        assertEquals(Format.BROKEN_ZIP, truncated.format());
        assertEquals("docx", truncated.label(), "the local headers still tell a docx");
    }

    @Test
    void textFormatsAreToldApartByTheirStart() throws Exception {
        assertEquals(Format.RTF, sniff("a.doc", TestTextFiles.rtf()).format());
        assertEquals(Format.HTML, sniff("a.doc", TestTextFiles.htmlGbk()).format());
        assertEquals(Format.WORD_XML, sniff("a.doc", TestTextFiles.wordXml2003()).format());
        assertEquals(Format.XML, sniff("a.txt", utf8("<?xml version='1.0'?><a>机密</a>")).format());
        assertEquals(Format.TEXT, sniff("a.pdf", utf8(FIRST_LINE_MARK + "\n正文")).format());
        assertEquals(Format.TEXT, sniff("empty.docx", new byte[0]).format(), "an empty file is empty text");
        assertEquals(Format.TEXT, sniff("a.bin", TestTextFiles.text("机密★1年\n正文", TestTextFiles.GBK, false)).format());
        assertEquals(Format.TEXT, sniff("a.bin", TestTextFiles.text("机密★1年\n正文", StandardCharsets.UTF_16LE, false)).format(),
                "UTF-16 without BOM has zero bytes but is text");
    }

    @Test
    void aStartPastTheFirstLookIsStillSeen() throws Exception {
        // the first look covers 512 bytes; a page opening after more whitespace than that is still a page
        String pad = " \n".repeat(400);
        assertEquals(Format.XML, sniff("a.txt", utf8(pad + "<?xml version='1.0'?><a>机密</a>")).format());
        assertEquals(Format.HTML, sniff("a.txt", utf8(pad + "<html><body>机密</body></html>")).format());
        assertEquals(Format.TEXT, sniff("a.txt", utf8(pad + FIRST_LINE_MARK + "\n正文")).format());
        assertEquals(Format.TEXT, sniff("a.txt", utf8("正".repeat(300) + "<html>")).format());
    }

    @Test
    void pdfAndPicturesAreKnownByTheirMagic() throws Exception {
        byte[] pdf = TestDocuments.pdf();
        byte[] prefixed = new byte[pdf.length + 100];
        Arrays.fill(prefixed, 0, 100, (byte) ' ');
        System.arraycopy(pdf, 0, prefixed, 100, pdf.length);
        assertEquals(Format.PDF, sniff("a.docx", prefixed).format(), "a PDF with junk before its header is a PDF");
        assertEquals(new Sniffed(Format.IMAGE, "image/png"), sniff("a.pdf", TestDocuments.png("x", 40, 20)));
    }

    @Test
    void extensionIsTheLastDottedPartOfTheLastPathElement() {
        assertEquals("docx", FormatSniffer.extension("dir.v2/通知.DOCX"));
        assertEquals("", FormatSniffer.extension("dir.v2/README"));
        assertEquals("", FormatSniffer.extension("dir\\a."));
        assertEquals("gz", FormatSniffer.extension("a.tar.gz"));
        assertEquals("", FormatSniffer.extension(null));
    }

    @Test
    void zipAnnouncingTooManyEntriesIsABombAtSniffing() {
        byte[] many = TestArchives.manyEntries(50);
        ExtractionException e = assertThrows(ExtractionException.class, () -> FormatSniffer.sniff("a.zip", many, 20));
        assertEquals(Reason.BOMB, e.reason());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
