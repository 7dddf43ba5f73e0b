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

    private static String b64(byte[] b) {
        return java.util.Base64.getMimeEncoder().encodeToString(b);
    }

    /** A multipart/mixed message as mail clients save it: encoded subject, base64 parts, an attachment. */
    static byte[] eml(String subject, String body, String attachmentName, byte[] attachment) {
        String subj = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=";
        String name = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(attachmentName.getBytes(StandardCharsets.UTF_8)) + "?=";
        String mail = "Return-Path: <office@example.gov.cn>\r\n"
                + "From: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString("办公室".getBytes(StandardCharsets.UTF_8)) + "?= <office@example.gov.cn>\r\n"
                + "To: staff@example.gov.cn\r\n"
                + "Subject: " + subj + "\r\n"
                + "Date: Mon, 7 Dec 2026 09:00:00 +0800\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: multipart/alternative; boundary=\"b2\"\r\n\r\n"
                + "--b2\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(body.getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "--b2\r\nContent-Type: text/html; charset=GB18030\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(("<html><body><p>" + body + "</p></body></html>").getBytes(java.nio.charset.Charset.forName("GB18030"))) + "\r\n"
                + "--b2--\r\n"
                + "--b1\r\nContent-Type: application/octet-stream; name=\"" + name + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(attachment) + "\r\n--b1--\r\n";
        return mail.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void readsSubjectBodyAndAttachmentsOfAMimeMessage() throws Exception {
        byte[] file = eml("转发：" + HEADER_MARK + " 值班安排", "各位同事：附件请查收。", "通知.docx", TestDocuments.docx());
        Document doc = EXTRACTOR.extract("a.eml", file);
        assertEquals("eml", doc.format());
        segment(doc, SegmentKind.HEADER, "subject", HEADER_MARK);
        segment(doc, SegmentKind.BODY, "body", "附件请查收");
        segment(doc, SegmentKind.BODY, "a.eml!/通知.docx body", FIRST_LINE_MARK);
        assertTrue(doc.segments().stream().anyMatch(s -> s.where().startsWith("a.eml!/body") && s.text().contains("附件请查收")),
                "the GB18030 html part is decoded: " + Extracted.describe(doc));
        assertTrue(doc.notes().isEmpty(), doc.notes().toString());
    }

    @Test
    void anHtmlMailWhosePageDeclaresGb2312IsRead() throws Exception {
        // Foxmail and Outlook write the HTML part in GBK with the page's own <meta charset=gb2312>. The part
        // reaches the HTML reader as UTF-8 (re-encoded after mime4j decoded it), under the old declaration.
        String page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
                + "<body><p>000123</p><p>机密★1年</p><p>关于值班安排的通知</p></body></html>";
        String mail = "From: office@example.gov.cn\r\nTo: staff@example.gov.cn\r\nSubject: notice\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=gb2312\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(page.getBytes(java.nio.charset.Charset.forName("GB18030"))) + "\r\n";
        Document doc = EXTRACTOR.extract("a.eml", mail.getBytes(StandardCharsets.US_ASCII));
        assertTrue(doc.segments().stream().anyMatch(x -> x.where().startsWith("a.eml!/body") && x.text().contains("机密★1年")),
                Extracted.describe(doc));
    }

    @Test
    void aUtf8PartLabelledGb2312IsReadAsUtf8AndARealGb2312PartAsGb2312() throws Exception {
        String text = "000123\r\n机密★1年\r\n关于值班安排的通知\r\n";
        for (java.nio.charset.Charset written : java.util.List.of(StandardCharsets.UTF_8, java.nio.charset.Charset.forName("GB2312"))) {
            String mail = "From: a@example.cn\r\nTo: b@example.cn\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: text/plain; charset=gb2312\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + b64(text.getBytes(written)) + "\r\n";
            Document doc = EXTRACTOR.extract("a.eml", mail.getBytes(StandardCharsets.US_ASCII));
            segment(doc, SegmentKind.BODY, "body", "机密★1年");
        }
    }

    @Test
    void readsAMessageForwardedAsAnAttachment() throws Exception {
        byte[] inner = eml("原件", "000123\n机密★1年\n关于值班安排的通知\n各位同事：请查收。", "说明.txt",
                "无".getBytes(StandardCharsets.UTF_8));
        String outer = "From: a@example.cn\r\nTo: b@example.cn\r\nSubject: fwd\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"o\"\r\n\r\n--o\r\nContent-Type: text/plain\r\n\r\nsee below\r\n"
                + "--o\r\nContent-Type: message/rfc822\r\n\r\n" + new String(inner, StandardCharsets.US_ASCII) + "\r\n--o--\r\n";
        Document doc = EXTRACTOR.extract("fwd.eml", outer.getBytes(StandardCharsets.US_ASCII));
        assertTrue(doc.segments().stream().anyMatch(s -> s.where().startsWith("fwd.eml!/") && s.text().contains("机密★1年")),
                Extracted.describe(doc));
    }

    @Test
    void textThatOnlyLooksLikeMailStaysText() throws Exception {
        for (String text : new String[] {"主题：值班安排\n发件人：办公室\n\n机密★1年\n", "From: 张三\n机密★1年\nTo: 李四\n\n正文",
                "Subject: 周报\n\n本周完成三项工作。"}) {
            Document doc = EXTRACTOR.extract("note.txt", text.getBytes(StandardCharsets.UTF_8));
            assertEquals("txt", doc.format(), text);
        }
    }
}
