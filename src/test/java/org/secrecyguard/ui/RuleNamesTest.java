package org.secrecyguard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule id the engine emits has a meaning in both languages; unknown ids are shown as themselves. */
class RuleNamesTest {
    /** The ids of MarkingDetector, OcrPlan, RuleStore ("kw:N") and FingerprintDetector ("fp:N"). */
    static final List<String> ENGINE_IDS = List.of("marking.header", "marking.line", "marking.header-footer",
            "marking.table-cell", "marking.text-box", "marking.ocr", "marking.filename", "image.red-header",
            "kw:17", "fp:42");

    @Test
    void everyEngineRuleHasAMeaningInBothLanguages() {
        for (Messages m : new Messages[] {Messages.chinese(), Messages.forLanguage("en")}) {
            for (String id : ENGINE_IDS) {
                String key = RuleNames.key(id);
                assertNotNull(key, id);
                assertTrue(m.has(key), m.locale() + " " + key);
                assertNotEquals(id, RuleNames.meaning(m, id));
                assertFalse(RuleNames.meaning(m, id).startsWith("!"), key);
            }
        }
    }

    @Test
    void meaningsInChineseWithTheIdAsDetail() {
        Messages zh = Messages.chinese();
        assertEquals("公文首页的密级标志", RuleNames.meaning(zh, "marking.header"));
        assertEquals("公文首页的密级标志（marking.header）", RuleNames.withId(zh, "marking.header"));
        assertEquals("文件名中的密级标志", RuleNames.meaning(zh, "marking.filename"));
        assertEquals("本单位设定的敏感词（kw:17）", RuleNames.withId(zh, "kw:17"));
        assertEquals("与已登记的涉密文件内容相同（fp:42）", RuleNames.withId(zh, "fp:42"));
        assertEquals("图片中带红头的公文", RuleNames.meaning(zh, "image.red-header"));
        assertEquals("Classification marking in a page header or footer (marking.header-footer)",
                RuleNames.withId(Messages.forLanguage("en"), "marking.header-footer"));
    }

    @Test
    void unknownIdsFallBackToTheIdItself() {
        Messages zh = Messages.chinese();
        for (String id : List.of("marking.internal", "future.rule", "kw:", "fp", "default")) {
            assertEquals(id, RuleNames.meaning(zh, id));
            assertEquals(id, RuleNames.withId(zh, id), "not shown twice");
        }
        assertEquals("", RuleNames.meaning(zh, ""));
        assertEquals("", RuleNames.withId(zh, null));
    }
}
