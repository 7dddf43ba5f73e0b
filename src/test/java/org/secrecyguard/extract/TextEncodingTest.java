package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secrecyguard.extract.Extracted.onOwnLine;
import static org.secrecyguard.extract.Extracted.segment;
import static org.secrecyguard.extract.Markings.FIRST_LINE_MARK;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

/** Plain text in the encodings Chinese office PCs produce comes out as the same characters. */
class TextEncodingTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();

    @ParameterizedTest(name = "{0} bom={1}")
    @CsvSource({"UTF-8,false", "UTF-8,true", "UTF-16LE,true", "UTF-16BE,true", "UTF-16LE,false", "UTF-16BE,false",
            "GBK,false", "GB18030,false"})
    void headTextComesBackInEveryEncoding(String charset, boolean bom) throws Exception {
        String text = TestTextFiles.headText();
        byte[] bytes = TestTextFiles.text(text, Charset.forName(charset), bom);
        Document doc = EXTRACTOR.extract("通知.txt", bytes);
        assertEquals("txt", doc.format());
        Segment body = segment(doc, SegmentKind.BODY, "body", FIRST_LINE_MARK);
        assertEquals(text.stripTrailing(), body.text());
    }

    @Test
    void shortGbkTextThatStatisticalDetectorsMisreadIsDecoded() throws Exception {
        String text = "机密★1年\n关于…";
        Document doc = EXTRACTOR.extract("a.txt", text.getBytes(TestTextFiles.GBK));
        Segment body = segment(doc, SegmentKind.BODY, "body", FIRST_LINE_MARK);
        assertEquals(text, body.text());
        assertTrue(onOwnLine(body, FIRST_LINE_MARK));
    }

    @Test
    void twoCharacterGbkMarkingIsDecoded() throws Exception {
        Document doc = EXTRACTOR.extract("a.txt", "秘密".getBytes(TestTextFiles.GBK));
        assertEquals("秘密", doc.segments().get(0).text());
    }

    @Test
    void big5TextIsNotMistakenForGbk() throws Exception {
        String text = "關於機密文件管理辦法的通知\n各單位：為加強保密工作，現將有關事項通知如下，請遵照執行。\n";
        Document doc = EXTRACTOR.extract("a.txt", text.getBytes(Charset.forName("Big5")));
        assertEquals(text.stripTrailing(), doc.segments().get(0).text());
    }

    @Test
    void csvAndJsonAreReadAsText() throws Exception {
        Document csv = EXTRACTOR.extract("a.csv", "密级,标题\n机密★1年,通知\n".getBytes(TestTextFiles.GBK));
        segment(csv, SegmentKind.BODY, "body", FIRST_LINE_MARK);
        Document json = EXTRACTOR.extract("a.json", "{\"密级\":\"机密★1年\"}".getBytes(StandardCharsets.UTF_8));
        segment(json, SegmentKind.BODY, "body", FIRST_LINE_MARK);
    }

    @Test
    void xmlElementTextStandsOnItsOwnLine() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"GBK\"?>\n<公文>\n  <份号>000123</份号>\n  <密级>机密★1年</密级>\n"
                + "  <标题><span>关于</span><span>印发</span>通知</标题>\n</公文>";
        Document doc = EXTRACTOR.extract("export.xml", xml.getBytes(TestTextFiles.GBK));
        assertEquals("xml", doc.format());
        Segment body = segment(doc, SegmentKind.BODY, "body", FIRST_LINE_MARK);
        assertTrue(onOwnLine(body, FIRST_LINE_MARK), body.text());
        assertTrue(onOwnLine(body, "关于印发通知"), "inline elements are joined: " + body.text());
    }

    @Test
    void xmlThatDoesNotParseSecurelyIsReadAsPlainText() throws Exception {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e \"机密★1年\">]>\n<x>&e;</x>";
        Document doc = EXTRACTOR.extract("a.xml", xml.getBytes(StandardCharsets.UTF_8));
        Segment body = segment(doc, SegmentKind.BODY, "body", "<!DOCTYPE");
        assertTrue(body.text().contains(FIRST_LINE_MARK), "raw text keeps everything");
    }

    @Test
    void emptyFileGivesAnEmptyDocument() throws Exception {
        Document doc = EXTRACTOR.extract("empty.txt", new byte[0]);
        assertTrue(doc.segments().isEmpty());
        assertTrue(doc.images().isEmpty());
    }

    @Test
    void headOfLongUtf8TextEndsAtACharacterSoItStaysUtf8() {
        // 1 ASCII byte then 3-byte characters: byte 8192 falls inside the character at 8191
        byte[] b = ("a" + "机".repeat(4000)).getBytes(StandardCharsets.UTF_8);
        int n = TextDecoder.headLength(b, 8192);
        assertEquals(8192 - 1, n);
        assertEquals(StandardCharsets.UTF_8, TextDecoder.detect(b, 0, n));
        assertEquals(b.length, TextDecoder.headLength(b, b.length));
    }

    @Test
    void utf8WithARealReplacementCharacterIsStillUtf8AndDamagedUtf8IsNot() {
        byte[] real = "机密\ufffd★1年".getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, TextDecoder.decode(real).charset());
        assertEquals("机密\ufffd★1年", TextDecoder.decode(real).text());
        byte[] damaged = {(byte) 0xe6, (byte) 0x9c, 'a', 'b'}; // a cut 3-byte character
        assertTrue(TextDecoder.decode(damaged).charset() != StandardCharsets.UTF_8);
    }

    @Test
    void longUtf8TextWithALittleDamageIsStillReadAsUtf8() throws Exception {
        String text = "机密★1年\n" + "关于加强值班工作的通知，请各单位按时参加。\n".repeat(20);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] strayByte = utf8.clone();
        strayByte[utf8.length / 2] = (byte) 0xff;
        byte[] cutAtTheEnd = java.util.Arrays.copyOf(utf8, utf8.length - 2);
        byte[] gbkFragment = new java.io.ByteArrayOutputStream() {
            {
                writeBytes(utf8);
                writeBytes("附件".getBytes(TestTextFiles.GBK));
            }
        }.toByteArray();
        for (byte[] damaged : java.util.List.of(strayByte, cutAtTheEnd, gbkFragment)) {
            assertEquals(StandardCharsets.UTF_8, TextDecoder.decode(damaged).charset());
            Segment body = segment(EXTRACTOR.extract("a.txt", damaged), SegmentKind.BODY, "body", FIRST_LINE_MARK);
            assertTrue(body.text().startsWith("机密★1年\n关于加强值班工作的通知"), body.text());
        }
        // A short note cut mid-character: four characters are enough when only one is damaged.
        byte[] note = "机密★1年 内部".getBytes(StandardCharsets.UTF_8);
        assertEquals("机密★1年 内\ufffd", TextDecoder.decode(java.util.Arrays.copyOf(note, note.length - 1)).text());
        // The other way round: GBK text never passes as damaged UTF-8, long or short.
        assertEquals(TextDecoder.GB18030, TextDecoder.decode(text.getBytes(TestTextFiles.GBK)).charset());
        assertEquals("机密★1年", TextDecoder.decode("机密★1年".getBytes(TestTextFiles.GBK)).text());
    }
}
