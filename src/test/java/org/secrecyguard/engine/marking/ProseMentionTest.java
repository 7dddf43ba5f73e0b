package org.secrecyguard.engine.marking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

/** Prose that mentions levels is not a marking, in whatever part of a document it stands. */
class ProseMentionTest {

    @ParameterizedTest(name = "allowsMention {0}")
    @ValueSource(strings = {
        "一份机密级文件",
        "秘密级、机密级和绝密级信息",
        "不得在互联网上传递国家秘密",
        "商业机密",
        "《秘密花园》",
        "小秘密",
        "内部管理",
        "内部控制",
        "内部审计",
        "本书收录的内部资料仅供研究使用。",
        "机密文件管理规定",
        "涉密人员",
        "他保守了这个秘密。",
        "某县办公室干部将一份机密级文件拍照发至微信群，造成泄密。",
        "国家秘密的标志为“密级★保密期限”，例如“机密★1年”。",
        "绝密级不超过三十年，机密级不超过二十年，秘密级不超过十年。",
        "秘密会议",
        "机密大会",
        "内部使用的表格",
        "工作秘密管理办法"})
    void allowsMentionOnItsOwnLineInEveryKindOfSegment(String text) {
        for (SegmentKind kind : SegmentKind.values()) {
            if (kind == SegmentKind.FILE_NAME) {
                continue;
            }
            List<Finding> found = Scan.of(kind, text);
            assertTrue(found.isEmpty(), () -> kind + ": " + text + " → " + found);
            List<Finding> inDocument = Scan.findings(new Segment(Scan.document(text), kind, "x"));
            assertTrue(inDocument.isEmpty(), () -> kind + " at the top: " + text + " → " + inDocument);
        }
    }

    @ParameterizedTest(name = "allowsCopiedWord {0}")
    @ValueSource(strings = {"秘密", "机密", "绝密", "内部", "工作秘密", "内部资料"})
    void allowsALevelWordCopiedOnItsOwn(String word) {
        // a clipboard holding one word heads no document; only the starred forms flag alone
        assertTrue(Scan.body(word).isEmpty(), () -> Scan.body(word).toString());
    }

    @Test
    void allowsQuotedMarkingOnItsOwnLine() {
        assertTrue(Scan.body(Scan.document("“绝密★启用前”")).isEmpty());
        assertTrue(Scan.body(Scan.document("《秘密》")).isEmpty());
    }

    @Test
    void allowsLevelWordUsedAsALabel() {
        assertTrue(Scan.body("秘密：\n这是我们两个人之间的约定。\n谁也不许说出去。").isEmpty());
        assertTrue(Scan.body("内部：\n张三、李四\n外部：\n王五").isEmpty());
    }

    @Test
    void allowsPoemTitledConfidentialAndAPoemLineThatIsConfidential() {
        // judgement: 秘密 alone is a common word; a poem's title or line is not a marking
        String poem = "秘密\n——组诗\n\n你说树有树的秘密\n河有河的秘密\n我只能告诉你\n秘密\n是一棵不说话的树";
        assertTrue(Scan.body(poem).isEmpty(), () -> Scan.body(poem).toString());
    }

    @Test
    void allowsOneWordSentenceAtTheTop() {
        assertTrue(Scan.body("机密。\n她只说了这两个字，就再也不肯开口。").isEmpty());
        assertTrue(Scan.body("内部，\n外部，\n都要管起来。").isEmpty());
    }

    @Test
    void allowsLevelQuotedAfterAColonAtTheTopOfAStory() {
        String story = "第一页的右上角，有人用红铅笔写着两个字：\n绝密\n林晚的手抖了一下。";
        assertTrue(Scan.body(story).isEmpty(), () -> Scan.body(story).toString());
    }

    @Test
    void allowsBareLevelDeepInTheBody() {
        String text = "一、总体情况\n".repeat(8) + "机密\n" + "二、存在问题\n".repeat(3);
        assertTrue(Scan.body(text).isEmpty());
    }

    @Test
    void allowsATableThatListsLevelsAndTheirPeriods() {
        String table = "密级\n最长保密期限\n绝密\n30年\n机密\n20年\n秘密\n10年";
        assertTrue(Scan.body("保密期限对照表\n" + table).isEmpty());
        Segment[] cells = table.lines().map(l -> new Segment(l, SegmentKind.TABLE_CELL, "cell"))
                .toArray(Segment[]::new);
        assertTrue(Scan.findings(cells).isEmpty());
        assertTrue(Scan.body("国家秘密的密级分为：\n绝密\n机密\n秘密\n三级。").isEmpty());
    }

    @Test
    void allowsBareLevelInATableCell() {
        // tables that list levels (密级 | 保密期限) are common in training material
        assertTrue(Scan.of(SegmentKind.TABLE_CELL, "机密").isEmpty());
        assertTrue(Scan.of(SegmentKind.TABLE_CELL, "内部").isEmpty());
    }

    @Test
    void allowsRedHeaderPublicNoticeWithoutMarking() {
        String notice = "特急\n\n东川县人民政府办公室文件\n\n东政办发〔2026〕17号\n" + Scan.NOTICE_BODY
                + "\n\n东川县人民政府办公室\n2026年4月8日\n（此件公开发布）";
        assertTrue(Scan.body(notice).isEmpty());
    }
}
