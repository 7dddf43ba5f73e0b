package org.secrecyguard.engine.marking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;

/**
 * A bare level in a text box or shape lands in the extracted text as a line of its own, not always
 * among the first lines (a PDF page may carry a running title above it). Standing above a whole 版头
 * (发文机关标志 below it and a 发文字号) it is a marking; above only one clue, or below the 版头, it is not.
 */
class BareLevelAboveRedHeaderTest {
    private static final String PREAMBLE = "滨江市人民政府办公室\n政务公开目录第3册\n2026年卷\n存档联\n";
    private static final String RED_HEAD = "\n滨江市人民政府办公室文件\n滨府办〔2026〕12号\n";

    @Test
    void flagsBareConfidentialAboveAWholeRedHeaderOffTheFirstLines() {
        Finding f = Scan.single(Scan.body(PREAMBLE + "秘密" + RED_HEAD + Scan.NOTICE_BODY));
        assertEquals(Level.CONFIDENTIAL, f.level());
        assertEquals("marking.header", f.rule());
        assertEquals("body, line 5", f.where());
    }

    @Test
    void allowsBareConfidentialAboveOnlyAnIssuer() {
        String text = PREAMBLE + "秘密\n\n滨江市人民政府办公室文件\n" + Scan.NOTICE_BODY;
        assertTrue(Scan.body(text).isEmpty());
    }

    @Test
    void allowsBareConfidentialBelowTheRedHeader() {
        String text = PREAMBLE + RED_HEAD + "\n秘密\n" + Scan.NOTICE_BODY;
        assertTrue(Scan.body(text).isEmpty());
    }
}
