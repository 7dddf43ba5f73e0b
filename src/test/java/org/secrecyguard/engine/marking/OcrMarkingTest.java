package org.secrecyguard.engine.marking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secrecyguard.engine.Level.CONFIDENTIAL;
import static org.secrecyguard.engine.Level.SECRET;
import static org.secrecyguard.engine.SegmentKind.OCR;
import static org.secrecyguard.engine.marking.MarkingCase.body;
import static org.secrecyguard.engine.marking.MarkingCase.of;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text as Tesseract (chi_sim) returns it from a photographed page: spaces between characters, the ★
 * misread, the star dropped, specks from the page edge, 0/O and 1/l/I in digits.
 */
class OcrMarkingTest {
    /** The rest of a photographed notice, as OCR prints it (with its spaces between characters). */
    private static final String OCR_PAGE_TAIL = String.join("\n",
            "",
            "关 于 做 好 2026 年 度 安 全 生 产 检 查 工 作 的 通 知",
            "各 乡 镇 人 民 政 府 ， 县 直 各 有 关 单 位 ：",
            "为 切 实 做 好 今 年 安 全 生 产 检 查 工 作 ， 经 研 究 ， 现 将 有 关 事 项 通 知 如 下 。");

    static String page(String top) {
        return top + "\n" + OCR_PAGE_TAIL;
    }

    static Stream<MarkingCase> ocrReadings() {
        return Stream.of(
                of("flagsStarReadAsGrave", OCR, page("机密坟6个月"), SECRET, "机密★6个月"),
                of("flagsStarReadAsWoman", OCR, page("机密女1年"), SECRET, "机密★1年"),
                of("flagsStarReadAsBig", OCR, page("机密大1年"), SECRET, "机密★1年"),
                of("flagsStarReadAsScholarWithNoPeriod", OCR, page("机密士"), SECRET, "机密★"),
                of("flagsStarReadAsAsterisk", OCR, page("机密*"), SECRET, "机密★"),
                of("flagsStarDropped", OCR, page("机密1年"), SECRET, "机密★1年"),
                of("flagsLevelSplitBySpace", OCR, page("机 密"), SECRET, "机密"),
                of("flagsLevelSplitByStraySpeck", OCR, page("机.密★1年"), SECRET, "机密★1年"),
                of("flagsLevelSplitByStrayQuote", OCR, page("机'密 ★ 1 年"), SECRET, "机密★1年"),
                of("flagsBarFromThePageEdge", OCR, page("|机密★1年"), SECRET, "机密★1年"),
                of("flagsSpecksOnBothEdges", OCR, page("丨机密★1年 |"), SECRET, "机密★1年"),
                of("flagsTrailingFullStop", OCR, page("机密★1年。"), SECRET, "机密★1年"),
                of("flagsLowercaseLReadForOne", OCR, page("机密★l年"), SECRET, "机密★1年"),
                of("flagsCapitalIAndZeroReadForTen", OCR, page("秘密★I0年"), CONFIDENTIAL, "秘密★10年"),
                of("flagsNoonReadForYear", OCR, page("机密★1午"), SECRET, "机密★1年"),
                of("flagsJieReadForGe", OCR, page("秘密★6介月"), CONFIDENTIAL, "秘密★6个月"),
                of("flagsBareConfidentialUnderCopyNumberWithLetterO", OCR, page("00O123\n秘 密\n特 急"),
                        CONFIDENTIAL, "秘密"),
                of("flagsCopyNumberMisreadOnTheMarkingLine", OCR, page("0O0123 机 密 ★ 1 年"), SECRET, "机密★1年"),
                body("flagsMisreadStarWithPeriodPastedIntoABody", "机密女1年", SECRET, "机密★1年"),
                body("flagsGraveForStarInAnyKind", Scan.document("机密坟6个月"), SECRET, "机密★6个月"),
                body("flagsStarDroppedInAnyKind", Scan.document("机密1年"), SECRET, "机密★1年"),
                body("flagsWeakMisreadWithCopyNumberInAnyKind", Scan.document("000123\n机密士"), SECRET, "机密★"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ocrReadings")
    void flagsOcrReading(MarkingCase c) {
        c.assertFlagged();
    }

    @Test
    void reportsOcrRule() {
        assertEquals("marking.ocr", Scan.single(Scan.of(OCR, page("机密女1年"))).rule());
    }

    @Test
    void doesNotAcceptAMisreadStarWithoutPeriodInTypedText() {
        // in typed text a look-alike is just a character: "机密士" at the top proves nothing alone
        assertTrue(Scan.body(Scan.document("机密士")).isEmpty());
    }

    @Test
    void doesNotAcceptASpacedBareConfidentialInAnImageWithoutHeaderEvidence() {
        // OCR spaces every character, so spacing proves nothing there
        assertTrue(Scan.of(OCR, page("秘 密")).isEmpty());
    }

    @Test
    void doesNotFlagOcrProseThatMentionsLevels() {
        String prose = String.join("\n",
                "某 县 办 公 室 干 部 将 一 份 机 密 级 文 件 拍 照 发 至 微 信 群 ，",
                "造 成 泄 密 。 国 家 秘 密 的 密 级 分 为 绝 密 、 机 密 、 秘 密 三 级 。",
                "不 得 在 互 联 网 上 传 递 国 家 秘 密 。");
        assertTrue(Scan.of(OCR, prose).isEmpty());
    }
}
