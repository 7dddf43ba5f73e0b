package org.secrecyguard.engine.marking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secrecyguard.engine.Level.CONFIDENTIAL;
import static org.secrecyguard.engine.Level.INTERNAL;
import static org.secrecyguard.engine.Level.SECRET;
import static org.secrecyguard.engine.Level.TOP_SECRET;
import static org.secrecyguard.engine.Level.WORK_SECRET;
import static org.secrecyguard.engine.SegmentKind.FOOTER;
import static org.secrecyguard.engine.SegmentKind.HEADER;
import static org.secrecyguard.engine.SegmentKind.TABLE_CELL;
import static org.secrecyguard.engine.SegmentKind.TEXT_BOX;
import static org.secrecyguard.engine.marking.MarkingCase.body;
import static org.secrecyguard.engine.marking.MarkingCase.of;
import static org.secrecyguard.engine.marking.Scan.document;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

/** A marking standing alone: on a body line, in a page header/footer, a table cell, a text box; old layouts; 工作秘密 and 内部. */
class StandaloneMarkingTest {
    private static final String PROSE = "    各单位要高度重视，认真组织，确保各项工作落到实处。\n";

    static Stream<MarkingCase> standalone() {
        return Stream.of(
                body("flagsMarkingOnALineDeepInTheBody", PROSE.repeat(12) + "机密★1年\n" + PROSE.repeat(3),
                        SECRET, "机密★1年"),
                body("flagsStarredMarkingAloneInAOneLineText", "秘密★1年", CONFIDENTIAL, "秘密★1年"),
                of("flagsMarkingInPageHeader", HEADER, "机密★1年", SECRET, "机密★1年"),
                of("flagsBareConfidentialInPageHeader", HEADER, "秘密", CONFIDENTIAL, "秘密"),
                of("flagsMarkingAmongOtherWordsOfAPageFooter", FOOTER, "第 1 页 共 3 页　　秘密", CONFIDENTIAL, "秘密"),
                of("flagsMarkingInTableCell", TABLE_CELL, "机密★1年", SECRET, "机密★1年"),
                of("flagsBareConfidentialInTextBox", TEXT_BOX, "秘密", CONFIDENTIAL, "秘密"),
                of("flagsTopSecretInTextBox", TEXT_BOX, "绝密★长期", TOP_SECRET, "绝密★长期"),
                body("flagsBareSecretAtTheTopOfADocument", document("机密"), SECRET, "机密"),
                body("flags1999LayoutSpacedConfidential", document("　　　　　　　　　　　　　　秘　密"),
                        CONFIDENTIAL, "秘密"),
                body("flags1999LayoutSpacedWithChinesePeriod", document("机 密★一年"), SECRET, "机密★一年"),
                body("flags1999LayoutSpacedConfidentialWithPeriod", document("秘　密★一年"), CONFIDENTIAL, "秘密★一年"),
                body("flagsWorkSecretAtTheTop", document("工作秘密"), WORK_SECRET, "工作秘密"),
                body("flagsWorkSecretWithPeriod", "工作秘密★1年", WORK_SECRET, "工作秘密★1年"),
                body("flagsWorkSecretWithMonths", document("工作秘密★6个月"), WORK_SECRET, "工作秘密★6个月"),
                body("flagsInternalMaterialKeepCarefully", "内部资料 注意保存", INTERNAL, "内部资料 注意保存"),
                body("flagsInternalFileKeepCarefully", document("内部文件　注意保存"), INTERNAL, "内部文件 注意保存"),
                body("flagsInternalMatterKeepSafe", document("内部事项 注意保管"), INTERNAL, "内部事项 注意保管"),
                body("flagsInternalWithStar", "内部★", INTERNAL, "内部★"),
                body("flagsBareInternalAtTheTop", document("内部"), INTERNAL, "内部"),
                body("flagsInternalMaterialAtTheTop", document("内部资料"), INTERNAL, "内部资料"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("standalone")
    void flagsStandaloneMarking(MarkingCase c) {
        c.assertFlagged();
    }

    @Test
    void namesTheRuleAfterWhereTheMarkingStood() {
        assertEquals("marking.header-footer", Scan.single(Scan.of(HEADER, "秘密★1年")).rule());
        assertEquals("marking.header-footer", Scan.single(Scan.of(FOOTER, "秘密★1年")).rule());
        assertEquals("marking.table-cell", Scan.single(Scan.of(TABLE_CELL, "秘密★1年")).rule());
        assertEquals("marking.text-box", Scan.single(Scan.of(TEXT_BOX, "秘密★1年")).rule());
        assertEquals("marking.ocr", Scan.single(Scan.of(SegmentKind.OCR, "秘密★1年")).rule());
    }

    @Test
    void reportsTheSegmentsWhereAndLine() {
        Finding f = Scan.single(Scan.findings(new Segment("前言\n\n机密★1年", SegmentKind.BODY, "page 3")));
        assertEquals("page 3, line 3", f.where());
    }

    @Test
    void flagsMarkingOfAHeaderLaidOutAsTableCells() {
        List<Finding> findings = Scan.findings(
                new Segment("000123", TABLE_CELL, "table 1 A1"),
                new Segment("机密", TABLE_CELL, "table 1 A2"),
                new Segment("特急", TABLE_CELL, "table 1 A3"),
                Segment.body(Scan.NOTICE_BODY));
        Finding f = Scan.single(findings);
        assertEquals(SECRET, f.level());
        assertEquals("table 1 A2", f.where());
    }

    @Test
    void neverMistakesWorkSecretForConfidential() {
        assertEquals(WORK_SECRET, Scan.level(Scan.body(document("工作秘密★1年"))));
    }
}
