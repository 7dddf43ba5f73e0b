package org.secrecyguard.ocr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cheap tests that decide whether a header read deserves a second reading. */
class MarkingLikeTextTest {
    @Test
    void piecesOfAMarkingOrACopyNumberLookDoubtful() {
        assertTrue(MarkingLikeText.looksLikeMarking("000123\n机密女]年\n"));
        assertTrue(MarkingLikeText.looksLikeMarking("机 宓 ☆ 1 年"));
        assertTrue(MarkingLikeText.looksLikeMarking("000045\nX政办发 (2026) 8号\n"));
        assertFalse(MarkingLikeText.looksLikeMarking("X府发 [2026] 30号\n"));
        assertFalse(MarkingLikeText.looksLikeMarking("加急\n关于做好冬季供暖保障工作的通知\n"));
    }

    @Test
    void latinGarbleWhereTheMarkingStandsIsNoticed() {
        assertTrue(MarkingLikeText.hasLatinGarbleOnTop("WERT\n关于调整内部办公用房的通知\n"));
        assertTrue(MarkingLikeText.hasLatinGarbleOnTop("\n000123\nBERETA\n特急\n"));
        // Latin words lower in a chat window or a menu are not a garbled marking.
        assertFalse(MarkingLikeText.hasLatinGarbleOnTop("张科长\npast\n下午三点在三楼会议室开会\n"));
        assertFalse(MarkingLikeText.hasLatinGarbleOnTop("秘密女6个月\nWERT\n"));
        assertFalse(MarkingLikeText.hasLatinGarbleOnTop("Microsoft Word document template\n"));
    }
}
