package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secrecyguard.extract.Extracted.segment;
import static org.secrecyguard.extract.Markings.FIRST_LINE_MARK;
import static org.secrecyguard.extract.Markings.HEADER_MARK;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.SegmentKind;

/** E-mail files: Outlook .msg (and .eml, see below), with their attachments read like zip entries. */
class MailFormatsTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();

    /**
     * An Outlook message as Outlook stores it: MAPI properties as "__substg1.0_PPPPTTTT" streams (001F =
     * UTF-16LE string, 0102 = binary), one storage per attachment.
     */
    static byte[] msg(String subject, String body, String attachmentName, byte[] attachment) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            DirectoryEntry root = fs.getRoot();
            root.createDocument("__substg1.0_0037001F", utf16(subject));
            root.createDocument("__substg1.0_1000001F", utf16(body));
            root.createDocument("__substg1.0_0C1A001F", utf16("滨江市人民政府办公室"));
            root.createDocument("__substg1.0_0E04001F", utf16("各科室"));
            DirectoryEntry att = root.createDirectory("__attach_version1.0_#00000000");
            att.createDocument("__substg1.0_3707001F", utf16(attachmentName));
            att.createDocument("__substg1.0_37010102", new ByteArrayInputStream(attachment));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static ByteArrayInputStream utf16(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_16LE));
    }

    @Test
    void readsSubjectBodyAndAttachmentsOfAnOutlookMessage() throws Exception {
        byte[] file = msg("转发：" + HEADER_MARK + " 关于值班安排的通知", "各位同事：\n附件请查收，注意保密。",
                "通知.docx", TestDocuments.docx());
        Document doc = EXTRACTOR.extract("a.msg", file);
        assertEquals("msg", doc.format());
        segment(doc, SegmentKind.HEADER, "subject", HEADER_MARK);
        segment(doc, SegmentKind.BODY, "body", "附件请查收");
        segment(doc, SegmentKind.BODY, "a.msg!/通知.docx body", FIRST_LINE_MARK);
        assertTrue(doc.notes().isEmpty(), doc.notes().toString());
    }

    @Test
    void aDamagedAttachmentCostsOnlyTheAttachment() throws Exception {
        byte[] docx = TestDocuments.docx();
        byte[] file = msg("值班安排", "000123\n机密★1年\n关于值班安排的通知\n各位同事：请查收。",
                "坏.docx", java.util.Arrays.copyOf(docx, docx.length / 2));
        Document doc = EXTRACTOR.extract("a.msg", file);
        segment(doc, SegmentKind.BODY, "body", "机密★1年");
        assertTrue(doc.notes().stream().anyMatch(n -> n.startsWith("坏.docx: corrupt")), doc.notes().toString());
    }
}
