package org.secrecyguard.engine.marking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secrecyguard.engine.Level.CONFIDENTIAL;
import static org.secrecyguard.engine.Level.SECRET;
import static org.secrecyguard.engine.Level.TOP_SECRET;
import static org.secrecyguard.engine.marking.MarkingCase.body;
import static org.secrecyguard.engine.marking.Scan.document;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Finding;

/** The GB/T 9704-2012 版头: 份号, 密级和保密期限, 紧急程度, then 发文机关标志 and 发文字号. */
class HeaderBlockMarkingTest {

    static Stream<MarkingCase> headerBlocks() {
        return Stream.of(
                body("flagsSecretOneYearUnderCopyNumber", document("000123\n机密★1年\n特急"), SECRET, "机密★1年"),
                body("flagsConfidentialSixMonths", document("000045\n秘密★6个月"), CONFIDENTIAL, "秘密★6个月"),
                body("flagsTopSecretLongTerm", document("000003\n绝密★长期"), TOP_SECRET, "绝密★长期"),
                body("flagsTopSecretUntilIssued", document("绝密★启用前"), TOP_SECRET, "绝密★启用前"),
                body("flagsSecretUntilIssued", document("机密★启用前\n加急"), SECRET, "机密★启用前"),
                body("flagsConfidentialTwoYears", document("000210\n秘密★2年"), CONFIDENTIAL, "秘密★2年"),
                body("flagsBareConfidentialUnderCopyNumberWithUrgency", document("000123\n秘密\n特急"),
                        CONFIDENTIAL, "秘密"),
                body("flagsBareSecretUnderCopyNumber", document("000123\n机密"), SECRET, "机密"),
                body("flagsCopyNumberAndMarkingSharingALine", document("000123 机密★1年"), SECRET, "机密★1年"),
                body("flagsCopyNumberAndBareConfidentialSharingALine", document("000123　秘密"),
                        CONFIDENTIAL, "秘密"),
                body("flagsLabelledCopyNumberAndMarking", document("份号：000123\n密级：机密"), SECRET, "机密"),
                body("flagsMarkingFollowedByUrgencyOnItsLine", document("000123\n机密★1年 特急"), SECRET, "机密★1年"),
                body("flagsDeclassificationDate", document("000123\n机密★2027年12月31日"),
                        SECRET, "机密★2027年12月31日"),
                body("flagsDeclassificationDateWrittenWithDots", document("机密★2027.12.31"),
                        SECRET, "机密★2027年12月31日"),
                body("flagsDeclassificationCondition", document("000123\n秘密★公开发布前"),
                        CONFIDENTIAL, "秘密★公开发布前"),
                body("flagsBareConfidentialAboveRedHeader",
                        document("秘密\n\n东川县人民政府办公室文件\n东政办发〔2026〕17号"), CONFIDENTIAL, "秘密"),
                body("flagsFullRedHeaderDocument",
                        document("000123\n机密★1年\n特急\n\n东川县人民政府办公室文件\n东政办发〔2026〕17号"),
                        SECRET, "机密★1年"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerBlocks")
    void flagsHeaderBlockMarking(MarkingCase c) {
        c.assertFlagged();
    }

    @Test
    void reportsOneHeaderFindingWithItsLineForAFullHeaderBlock() {
        Finding f = Scan.single(Scan.body(document(
                "000123\n机密★1年\n特急\n\n东川县人民政府办公室文件\n东政办发〔2026〕17号")));
        assertEquals(DetectorType.MARKING, f.detector());
        assertEquals("marking.header", f.rule());
        assertEquals("机密★1年", f.evidence());
        assertEquals("body, line 2", f.where());
    }

    @Test
    void namesTheLineMarkingRuleWhenNoHeaderEvidenceIsNear() {
        Finding f = Scan.single(Scan.body(document("机密★1年")));
        assertEquals("marking.line", f.rule());
        assertTrue(f.where().endsWith("line 1"), f.where());
    }

    @Test
    void acceptsBareConfidentialOnlyBecauseOfTheCopyNumber() {
        assertTrue(Scan.body(document("秘密")).isEmpty(), "bare 秘密 at the top is a title, not proof");
        assertEquals(CONFIDENTIAL, Scan.level(Scan.body(document("000123\n秘密"))));
    }

    @Test
    void ignoresSixDigitNumbersThatCannotBeCopyNumbers() {
        // amounts and postcodes do not start with 00; a 份号 of a classified document does
        assertTrue(Scan.body(document("100000\n秘密")).isEmpty());
    }

    @Test
    void takesTheCopyNumberOnlyWhenItStandsAboveTheMarking() {
        String text = "前言\n说明\n附表\n秘密\n000123\n合计";
        assertTrue(Scan.body("标题\n正文第一段。\n正文第二段。\n正文第三段。\n" + text).isEmpty());
    }
}
