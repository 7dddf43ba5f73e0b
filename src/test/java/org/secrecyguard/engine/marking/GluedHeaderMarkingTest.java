package org.secrecyguard.engine.marking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secrecyguard.engine.Level.CONFIDENTIAL;
import static org.secrecyguard.engine.Level.SECRET;
import static org.secrecyguard.engine.Level.TOP_SECRET;
import static org.secrecyguard.engine.marking.MarkingCase.body;
import static org.secrecyguard.engine.marking.Scan.document;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

/**
 * Text extracted from PDF exports of a red-header document can glue the 份号, the marking and the
 * 发文机关标志 or 发文字号 into one line; the marking is still found, and prose that happens to hold a
 * level next to such words is still not.
 */
class GluedHeaderMarkingTest {

    static Stream<MarkingCase> gluedHeaders() {
        return Stream.of(
                body("flagsCopyNumberMarkingAndIssuerGlued", document("000123机密★1年滨江市人民政府办公室文件"),
                        SECRET, "机密★1年"),
                body("flagsBareLevelGluedBetweenCopyNumberAndIssuer", document("000123机密滨江市人民政府办公室文件"),
                        SECRET, "机密"),
                body("flagsBareConfidentialGluedBetweenCopyNumberAndIssuer",
                        document("000123秘密滨江市人民政府办公室文件"), CONFIDENTIAL, "秘密"),
                body("flagsStarMarkingGluedToIssuerWithoutCopyNumber", document("绝密★长期滨江市人民政府办公室文件"),
                        TOP_SECRET, "绝密★长期"),
                body("flagsMarkingUrgencyAndIssuerGlued", document("000123秘密★6个月特急滨江市财政局文件"),
                        CONFIDENTIAL, "秘密★6个月"),
                body("flagsMarkingGluedToIssuerAndDocumentNumber",
                        document("000123机密★1年滨江市人民政府办公室文件滨府办〔2026〕12号"), SECRET, "机密★1年"),
                body("flagsMarkingGluedToDocumentNumber", document("机密★1年滨府办〔2026〕12号"), SECRET, "机密★1年"),
                body("flagsGluedHeaderWithSpaces", document("000123 机密★1年 滨江市人民政府办公室文件"),
                        SECRET, "机密★1年"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gluedHeaders")
    void flagsMarkingGluedToItsHeader(MarkingCase c) {
        c.assertFlagged();
    }

    @ParameterizedTest(name = "allowsGluedProse {0}")
    @ValueSource(strings = {
        "本文件不属于机密文件",
        "关于秘密级文件管理的通知",
        "机密文件管理办公室文件",
        "秘密滨江市人民政府办公室文件",
        "000123机密级文件",
        "000123机密级文件管理办公室文件",
        "000123秘密的档案管理局文件",
        "机密大会秘书处文件",
        "秘密会议滨府办〔2026〕12号",
        "机密文件滨府办〔2026〕12号"})
    void allowsProseThatHoldsALevelNextToHeaderWords(String text) {
        for (SegmentKind kind : List.of(SegmentKind.BODY, SegmentKind.OCR, SegmentKind.TABLE_CELL)) {
            List<Finding> alone = Scan.of(kind, text);
            assertTrue(alone.isEmpty(), () -> kind + ": " + text + " → " + alone);
            List<Finding> inDocument = Scan.findings(new Segment(text + "\n" + Scan.NOTICE_BODY, kind, "x"));
            assertTrue(inDocument.isEmpty(), () -> kind + " at the top: " + text + " → " + inDocument);
        }
    }

    @ParameterizedTest(name = "reportsHeaderRule {0}")
    @ValueSource(strings = {"000123机密★1年滨江市人民政府办公室文件", "000123机密滨江市人民政府办公室文件"})
    void namesTheHeaderRuleForAGluedCopyNumber(String line) {
        Finding f = Scan.single(Scan.body(document(line)));
        assertEquals("marking.header", f.rule());
        assertEquals("body, line 1", f.where());
    }
}
