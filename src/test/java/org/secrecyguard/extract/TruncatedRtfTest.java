package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secrecyguard.extract.Extracted.segment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.SegmentKind;

/**
 * A truncated RTF is read as far as it goes, and says it was cut: the text of a footnote or comment
 * that the cut left open is kept rather than dropped, and the result is not taken as complete.
 */
class TruncatedRtfTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();

    private static String u(String text) {
        StringBuilder sb = new StringBuilder();
        text.chars().forEach(c -> sb.append("\\\\u").append(c).append('?'));
        return sb.toString();
    }

    private static byte[] rtf(String body) {
        return body.replace("\\\\", "\\").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void textOfAFootnoteLeftOpenByTheCutIsKeptWithANote() throws Exception {
        byte[] cut = rtf("{\\\\rtf1\\\\ansi{\\\\header " + u("秘密★2年") + "}" + u("正文") + "\\\\par"
                + "{\\\\footnote " + u("机密★1年") + " ");
        Document doc = EXTRACTOR.extract("a.rtf", cut);
        segment(doc, SegmentKind.HEADER, "header", "秘密★2年");
        segment(doc, SegmentKind.BODY, "body", "正文");
        segment(doc, SegmentKind.FOOTNOTE, "footnote 1", "机密★1年");
        assertEquals(List.of("rtf ends before its groups are closed (truncated?): text after the end is missing"),
                doc.notes());
    }

    @Test
    void completeRtfHasNoNote() throws Exception {
        assertTrue(EXTRACTOR.extract("a.rtf", TestTextFiles.rtf()).notes().isEmpty());
    }

    @Test
    void rtfCutAnywhereIsNeverReadAsComplete() throws Exception {
        byte[] full = TestTextFiles.rtf();
        for (int keep = 40; keep < full.length - 1; keep += 97) {
            Document doc = EXTRACTOR.extract("a.rtf", Arrays.copyOf(full, keep));
            assertTrue(!doc.notes().isEmpty(), "cut to " + keep + " bytes but read as complete");
        }
    }
}
