package org.secrecyguard.engine.marking;

import static org.secrecyguard.engine.Level.CONFIDENTIAL;
import static org.secrecyguard.engine.Level.SECRET;
import static org.secrecyguard.engine.Level.TOP_SECRET;
import static org.secrecyguard.engine.marking.MarkingCase.body;
import static org.secrecyguard.engine.marking.Scan.document;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Typing variants: spacing, full width, other stars, traditional characters, Chinese numerals. */
class MarkingVariantsTest {

    static Stream<MarkingCase> variants() {
        return Stream.of(
                body("flagsSpacesBetweenEveryCharacter", document("机 密 ★ 1 年"), SECRET, "机密★1年"),
                body("flagsTabsAndIdeographicSpaces", document("机\t密　★　1　年"), SECRET, "机密★1年"),
                body("flagsFullWidthDigits", document("机密★１年"), SECRET, "机密★1年"),
                body("flagsHalfWidthAsterisk", document("机密*1年"), SECRET, "机密★1年"),
                body("flagsFullWidthAsterisk", document("机密＊１年"), SECRET, "机密★1年"),
                body("flagsWhiteStar", document("机密☆1年"), SECRET, "机密★1年"),
                body("flagsOutlinedStar", document("机密✩1年"), SECRET, "机密★1年"),
                body("flagsReferenceMarkTypedForTheStar", document("秘密※2年"), CONFIDENTIAL, "秘密★2年"),
                body("flagsTraditionalSecret", document("機密★1年"), SECRET, "机密★1年"),
                body("flagsTraditionalTopSecretLongTerm", document("絕密★長期"), TOP_SECRET, "绝密★长期"),
                body("flagsJapaneseFormOfTopSecret", document("絶密★30年"), TOP_SECRET, "绝密★30年"),
                body("flagsTraditionalConfidentialMonths", document("祕密★6個月"), CONFIDENTIAL, "秘密★6个月"),
                body("flagsTraditionalConditionPeriod", document("祕密★公開發佈前"), CONFIDENTIAL, "秘密★公开发布前"),
                body("flagsFinancialNumeral", document("機密★壹年"), SECRET, "机密★壹年"),
                body("flagsTraditionalFinancialNumeralMonths", document("祕密★陸個月"), CONFIDENTIAL, "秘密★陆个月"),
                body("flagsChineseNumeralYear", document("机密★一年"), SECRET, "机密★一年"),
                body("flagsChineseNumeralMonths", document("秘密★六个月"), CONFIDENTIAL, "秘密★六个月"),
                body("flagsChineseNumeralTen", document("绝密★十年"), TOP_SECRET, "绝密★十年"),
                body("flagsChineseNumeralTwenty", document("机密★二十年"), SECRET, "机密★二十年"),
                body("flagsHalfAYear", document("秘密★半年"), CONFIDENTIAL, "秘密★半年"),
                body("flagsMarkingInBrackets", document("【机密★1年】"), SECRET, "机密★1年"),
                body("flagsWindowsLineEndings", "000123\r\n秘密\r\n特急\r\n\r\n关于召开会议的通知\r\n各单位：",
                        CONFIDENTIAL, "秘密"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void flagsVariant(MarkingCase c) {
        c.assertFlagged();
    }
}
