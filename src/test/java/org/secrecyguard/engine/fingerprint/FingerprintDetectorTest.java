package org.secrecyguard.engine.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

class FingerprintDetectorTest {
    private static final TestRegistry REGISTRY = new TestRegistry();
    private static final Pattern EVIDENCE =
            Pattern.compile("matches registered document #(\\d+) «(.+)», (\\d+) characters");

    /** A new speech draft on the same topics as the notices; it quotes none of them. */
    static final String SPEECH_BEFORE = """
            在全市重点工作推进会上的讲话（征求意见稿）
            同志们：
            今天召开这次会议，主要是总结上半年工作，分析当前形势，部署下一阶段任务。刚才，几位同志作了发言，讲得都很好，我都同意。
            上半年，全市上下顶住压力、迎难而上，防汛备汛、安全生产、网络安全各项工作都取得了新进展，群众的获得感不断增强。
            """;
    static final String SPEECH_AFTER = """
            下面，我再强调三点意见。
            第一，要把困难估计得更充分一些。今年汛期来得早、雨量大，各地的准备工作还有不少短板，特别是山区乡镇的预警设施仍然薄弱。
            第二，要把责任落得更实一些。各位分管同志要经常到一线去，面对面了解情况，不能只看材料、只听汇报。
            第三，要把作风转得更快一些。对群众反映强烈的问题，要马上就办、办就办好，用实际行动赢得群众信任。
            同志们，做好下半年工作任务艰巨、责任重大，希望大家振奋精神、扎实工作，确保全年目标任务圆满完成。
            """;

    static String draftQuoting(String... quotes) {
        StringBuilder sb = new StringBuilder(SPEECH_BEFORE);
        sb.append("正如有关文件指出的，");
        sb.append(quotes[0]);
        sb.append("\n");
        sb.append(SPEECH_AFTER);
        for (int i = 1; i < quotes.length; i++) {
            sb.append("此外还要注意，").append(quotes[i]).append("\n");
        }
        return sb.toString();
    }

    /** Every sentence of the notice's body paragraphs with at least 25 kept (non-punctuation) chars. */
    static List<String> sentencesOf(Notice notice) {
        List<String> out = new ArrayList<>();
        for (String paragraph : notice.paragraphs()) {
            for (String sentence : paragraph.split("(?<=[。；])")) {
                if (REGISTRY.fingerprinter.prepare(sentence).length() >= 25) {
                    out.add(sentence);
                }
            }
        }
        return out;
    }

    @Test
    void flagsEverySentenceOfTwentyFiveCharactersQuotedAloneInADraft() {
        int checked = 0;
        for (int i = 0; i < TestDocuments.REGISTERED.size(); i++) {
            Notice notice = TestDocuments.REGISTERED.get(i);
            for (String sentence : sentencesOf(notice)) {
                List<Finding> findings = REGISTRY.findings(draftQuoting(sentence));
                assertNoLeak(findings);
                assertEquals(List.of("fp:" + TestRegistry.id(i)), rules(findings),
                        "notice " + TestRegistry.id(i) + ", sentence of "
                                + REGISTRY.fingerprinter.prepare(sentence).length() + " chars");
                assertEquals(notice.level(), findings.get(0).level());
                checked++;
            }
        }
        assertTrue(checked >= 40, "too few sentences checked: " + checked);
    }

    @Test
    void flagsTwoSentencesQuotedInDifferentPlacesAndReportsMoreCharacters() {
        Notice notice = TestDocuments.REGISTERED.get(4);
        List<String> sentences = sentencesOf(notice);
        Finding one = single(REGISTRY.findings(draftQuoting(sentences.get(1))));
        Finding two = single(REGISTRY.findings(draftQuoting(sentences.get(1), sentences.get(3))));
        assertEquals("fp:105", two.rule());
        assertEquals(Level.SECRET, two.level());
        assertTrue(matchedChars(two) > matchedChars(one) + 10,
                "two sentences should count more than one: " + two.evidence() + " vs " + one.evidence());
    }

    @Test
    void reportsRegisteredLevelForACopyRetypedAsWorkSecret() {
        for (int i = 0; i < TestDocuments.REGISTERED.size(); i++) {
            Notice notice = TestDocuments.REGISTERED.get(i);
            List<String> reordered = new ArrayList<>(notice.paragraphs());
            Collections.reverse(reordered);
            List<String> reworked = new ArrayList<>();
            for (String p : reordered) {
                reworked.add(rewrap(fullWidthDigits(asciiPunctuation(p)), 19));
            }
            String copy = notice.retyped("工作秘密", reworked).text();
            List<Finding> findings = REGISTRY.findings(copy);
            assertNoLeak(findings);
            assertEquals(List.of("fp:" + TestRegistry.id(i)), rules(findings), "notice " + TestRegistry.id(i));
            assertEquals(notice.level(), findings.get(0).level());
        }
    }

    @Test
    void reportsRegisteredLevelForACopyWithTheMarkingRemoved() {
        Notice notice = TestDocuments.REGISTERED.get(7); // 绝密
        String copy = String.join("\n", notice.retyped(null, notice.paragraphs()).bodyLines());
        Finding f = single(REGISTRY.findings(copy));
        assertEquals("fp:108", f.rule());
        assertEquals(Level.TOP_SECRET, f.level());
        assertEquals(DetectorType.FINGERPRINT, f.detector());
        Matcher m = EVIDENCE.matcher(f.evidence());
        assertTrue(m.matches(), f.evidence());
        assertEquals("108", m.group(1));
        assertEquals(TestRegistry.label(7), m.group(2));
        int n = Integer.parseInt(m.group(3));
        int length = REGISTRY.fingerprinter.prepare(copy).length();
        assertTrue(n > length / 2 && n <= length, "matched " + n + " of " + length);
    }

    @Test
    void flagsASentenceSplitAcrossTableCellsAndNamesTheCells() {
        String sentence = sentencesOf(TestDocuments.REGISTERED.get(2)).get(2);
        int half = sentence.length() / 2;
        DocumentText doc = new DocumentText(List.of(
                new Segment("演练安排", SegmentKind.TABLE_CELL, "sheet 1!A1"),
                new Segment(sentence.substring(0, half), SegmentKind.TABLE_CELL, "sheet 1!B1"),
                new Segment(sentence.substring(half), SegmentKind.TABLE_CELL, "sheet 1!B2")));
        Finding f = single(REGISTRY.findings(doc));
        assertEquals("fp:103", f.rule());
        assertEquals("sheet 1!B1, sheet 1!B2", f.where());
    }

    @Test
    void findsNothingInPublicDocumentsThatShareBoilerplateAndTopics() {
        for (String text : TestDocuments.PUBLIC) {
            assertEquals(List.of(), REGISTRY.findings(text), text.substring(0, 20));
        }
        assertEquals(List.of(), REGISTRY.findings(SPEECH_BEFORE + SPEECH_AFTER));
        assertEquals(List.of(), REGISTRY.findings(String.join("\n", TestDocuments.PUBLIC)));
    }

    @Test
    void matchesNothingUnderAnotherDeploymentKey() {
        TestRegistry other = new TestRegistry("a different deployment key 32 by".getBytes());
        FingerprintDetector crossed = new FingerprintDetector(other.fingerprinter, REGISTRY.index);
        List<Finding> found = new ArrayList<>();
        crossed.detect(new DocumentText(List.of(Segment.body(TestDocuments.REGISTERED.get(0).text()))), found::add);
        assertEquals(List.of(), found);
        // The same copy under the right key is found, so the difference is the key alone.
        assertFalse(REGISTRY.findings(TestDocuments.REGISTERED.get(0).text()).isEmpty());
    }

    @Test
    void wiringFromStoredDocumentsAndKeyFindsTheSameAsTheRegistry() {
        FingerprintDetector wired = FingerprintDetector.forDocuments(TestRegistry.KEY, REGISTRY.documents,
                TestRegistry.BACKGROUND);
        String draft = draftQuoting(sentencesOf(TestDocuments.REGISTERED.get(8)).get(0));
        List<Finding> found = new ArrayList<>();
        wired.detect(new DocumentText(List.of(Segment.body(draft))), found::add);
        assertEquals(REGISTRY.findings(draft), found);
        assertEquals(List.of("fp:109"), rules(found));
    }

    @Test
    void emptyIndexFindsNothing() {
        FingerprintDetector none = new FingerprintDetector(REGISTRY.fingerprinter, FingerprintIndex.empty());
        assertEquals(List.of(), none.matches(TestDocuments.REGISTERED.get(0).text()));
    }

    @Test
    void repeatingAQuoteDoesNotInflateTheMatchedLength() {
        String sentence = sentencesOf(TestDocuments.REGISTERED.get(5)).get(1);
        int once = matchedChars(single(REGISTRY.findings(draftQuoting(sentence))));
        int thrice = matchedChars(single(REGISTRY.findings(draftQuoting(sentence, sentence, sentence))));
        assertEquals(once, thrice);
    }

    @Test
    void aHugeDocumentRepeatingANoticeIsReportedOnceWithinTheRegisteredLength() {
        String notice = TestDocuments.REGISTERED.get(1).text();
        String huge = notice.repeat(2_000); // about 800,000 characters
        Finding f = single(REGISTRY.findings(huge));
        assertEquals("fp:102", f.rule());
        assertTrue(matchedChars(f) <= REGISTRY.documents.get(1).textLength());
    }

    static Finding single(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        assertNoLeak(findings);
        return findings.get(0);
    }

    static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }

    static int matchedChars(Finding f) {
        Matcher m = EVIDENCE.matcher(f.evidence());
        assertTrue(m.matches(), f.evidence());
        return Integer.parseInt(m.group(3));
    }

    /** No finding may carry six consecutive characters of any registered notice, raw or normalised. */
    static void assertNoLeak(List<Finding> findings) {
        for (Finding f : findings) {
            String shown = f.evidence() + "\n" + f.where() + "\n" + f.rule();
            String shownKept = REGISTRY.fingerprinter.prepare(shown).toString();
            for (Notice n : TestDocuments.REGISTERED) {
                String raw = n.text();
                String kept = REGISTRY.fingerprinter.prepare(raw).toString();
                for (int i = 0; i + 6 <= raw.length(); i++) {
                    assertFalse(shown.contains(raw.substring(i, i + 6)), "evidence leaks registered text");
                }
                for (int i = 0; i + 6 <= kept.length(); i++) {
                    assertFalse(shownKept.contains(kept.substring(i, i + 6)), "evidence leaks registered text");
                }
            }
        }
    }

    static String asciiPunctuation(String s) {
        return s.replace('，', ',').replace('。', '.').replace('、', ',').replace('：', ':').replace('；', ';');
    }

    static String fullWidthDigits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
        }
        return sb.toString();
    }

    static String rewrap(String s, int width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i += width) {
            sb.append(s, i, Math.min(s.length(), i + width)).append("\r\n");
        }
        return sb.toString();
    }
}
