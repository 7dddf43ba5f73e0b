package org.secrecyguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SegmentTest {
    @Test
    void aSegmentOfCharsReadsAsTheSameTextAsOneOfAString() {
        String text = "机密★1年\r\nＸＫ－２０２６ 号文件";
        Segment ofString = new Segment(text, SegmentKind.BODY, "body");
        Segment ofChars = Segment.ofChars(text.toCharArray(), SegmentKind.BODY, "body");
        assertEquals(text, ofChars.text());
        assertEquals(text.length(), ofChars.length());
        assertEquals(text.charAt(5), ofChars.charAt(5));
        assertEquals(ofString, ofChars);
        assertEquals(ofString.hashCode(), ofChars.hashCode());
        assertEquals(ofString.normalize().text(), ofChars.normalize().text());
        assertEquals(ofString.normalize().originOf(8), ofChars.normalize().originOf(8));
        assertNotEquals(ofString, Segment.ofChars(text.toCharArray(), SegmentKind.HEADER, "body"));
        assertNotEquals(ofString, new Segment(text + "x", SegmentKind.BODY, "body"));
    }

    @Test
    void aSegmentPrintedInALogShowsWhereNotWhat() {
        Segment s = new Segment("机密★1年", SegmentKind.HEADER, "page 1 header");
        assertEquals("Segment[HEADER, page 1 header, 5 chars]", s.toString());
        assertEquals("NormalizedText[5 chars]", s.normalize().toString());
    }
}
