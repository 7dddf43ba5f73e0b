package org.secrecyguard.engine.keyword;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secrecyguard.engine.keyword.KeywordTestSupport.KEY;
import static org.secrecyguard.engine.keyword.KeywordTestSupport.detect;
import static org.secrecyguard.engine.keyword.KeywordTestSupport.detector;
import static org.secrecyguard.engine.keyword.KeywordTestSupport.ruleIds;
import static org.secrecyguard.engine.keyword.KeywordTestSupport.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;

class KeywordDetectorTest {
    private static final List<String> TERMS = List.of("天网工程", "蓝盾行动", "长城数据中心", "XK-2026", "东湖");

    @Test
    void findsPlainlyWrittenTermsInProse() {
        List<Finding> found = detect(detector(TERMS),
                "根据“天网工程”总体部署，蓝盾行动于下月启动，XK-2026型设备运抵东湖。");
        assertEquals(List.of("kw:0", "kw:1", "kw:3", "kw:4"), ruleIds(found));
        for (Finding f : found) {
            assertEquals(DetectorType.KEYWORD, f.detector());
            assertEquals(Level.SECRET, f.level());
            assertEquals("body", f.where());
        }
    }

    @Test
    void findsFullWidthTraditionalSpacedAndWrappedVariants() {
        KeywordDetector detector = detector(List.of("长城数据中心"));
        for (String text : new String[] {
                "关于長城數據中心建设的通知", "关于长 城 数 据 中 心建设", "关于长　城　数据中心",
                "关于长城数据\n中心建设", "关于长城\r\n数据中心", "关于“长城”数据中心", "关于长·城·数·据·中·心"}) {
            assertEquals(List.of("kw:0"), ruleIds(detect(detector, text)), text);
        }
        KeywordDetector latin = detector(List.of("XK-2026"));
        for (String text : new String[] {"型号ＸＫ－２０２６已列装", "型号xk2026已列装", "型号X K 2026已列装"}) {
            assertEquals(List.of("kw:0"), ruleIds(detect(latin, text)), text);
        }
    }

    @Test
    void findsOverlappingAndNestedTerms() {
        KeywordDetector detector = detector(List.of("天网", "天网工程", "网工", "工程师", "程师"));
        assertEquals(List.of("kw:0", "kw:1", "kw:2", "kw:3", "kw:4"), ruleIds(detect(detector, "天网工程师")));
    }

    @Test
    void findsTermsAtSegmentStartAndEnd() {
        KeywordDetector detector = detector(TERMS);
        assertEquals(List.of("kw:0"), ruleIds(detect(detector, "天网工程")));
        assertEquals(List.of("kw:0", "kw:4"), ruleIds(detect(detector, "天网工程已完成对东湖")));
        assertEquals(List.of("kw:1", "kw:4"), ruleIds(detect(detector, "东湖", "无关内容", "蓝盾行动")));
    }

    @Test
    void findsTermsAtTheStartOfASegmentThatFollowsALongOne() {
        String longSegment = OfficialProse.prose(new Random(1), 10_000);
        assertEquals(List.of("kw:0", "kw:1"), ruleIds(detect(detector(TERMS), longSegment, "天网工程", "蓝盾行动。")));
    }

    @Test
    void doesNotJoinTermsAcrossSegments() {
        assertTrue(detect(detector(TERMS), "按照天网", "工程要求").isEmpty());
    }

    @Test
    void latinTermDoesNotMatchInsideALongerWord() {
        KeywordDetector detector = detector(List.of("arrow", "XK-2026"));
        assertTrue(detect(detector, "a narrow road", "arrows", "型号XK-20267", "型号AXK-2026").isEmpty());
        assertEquals(List.of("kw:0", "kw:1"), ruleIds(detect(detector, "代号Arrow。", "XK-2026型")));
        assertEquals(List.of("kw:0"), ruleIds(detect(detector, "the arrow-7 test")));
    }

    @Test
    void reportsEachRuleOncePerDocument() {
        KeywordDetector detector = detector(TERMS);
        List<Finding> found = detect(detector, "天网工程，天网工程。", "再提天网工程");
        assertEquals(List.of("kw:0"), ruleIds(found));
        assertEquals(List.of("kw:0"), ruleIds(detect(detector, "又一份文件提到天网工程")));
    }

    @Test
    void findsEveryOccurrenceWhereverItFallsInALongSegment() {
        // Long segments are hashed in blocks; terms are placed at random offsets, so many straddle a block
        // edge. The reference is a plain substring search over the key form.
        Random random = new Random(11);
        List<String> terms = new ArrayList<>();
        for (String t : OfficialProse.terms(random, 400)) {
            if (t.length() >= 2) {
                terms.add(t);
            }
        }
        terms.add("鲲鹏".repeat(20) + "联合演练"); // a 44-char term: longer carry-over
        KeywordDetector detector = detector(terms);
        for (int round = 0; round < 4; round++) {
            StringBuilder text = new StringBuilder(OfficialProse.prose(random, 30_000));
            for (int i = 0; i < 60; i++) {
                String term = terms.get(random.nextInt(terms.size()));
                text.insert(random.nextInt(text.length()), term);
            }
            String segment = text.toString();
            String keyForm = KeywordText.keyForm(segment);
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < terms.size(); i++) {
                if (keyForm.contains(KeywordText.keyForm(terms.get(i)))) {
                    expected.add("kw:" + i);
                }
            }
            assertFalse(expected.isEmpty());
            assertEquals(expected, new TreeSet<>(ruleIds(detect(detector, segment))), "round " + round);
        }
    }

    @Test
    void findsATermAtEveryOffsetAcrossBlockEdges() {
        // Segments are hashed in blocks of about a thousand chars with a carry-over; a term must be found
        // wherever it starts, including the last few starts before an edge and the first after it.
        String longTerm = "鲲鹏".repeat(20) + "联合演练";
        // The last: anchored away from its common start, so its start lies 7 chars before its window.
        List<String> terms = List.of("天网", "蓝盾行动计划", longTerm, "中华人民共和国青鸾工程", "中国人民");
        KeywordDetector detector = detector(terms);
        String filler = "之".repeat(3_000);
        for (int t = 0; t < terms.size(); t++) {
            for (int offset = 0; offset <= 2_300; offset++) {
                String text = filler.substring(0, offset) + terms.get(t) + filler.substring(0, 2_300 - offset);
                assertEquals(List.of("kw:" + t), ruleIds(detect(detector, text)), "term " + t + " at " + offset);
            }
        }
    }

    @Test
    void findsTermsWhenThousandsShareOneLength() {
        // 6,000 four-char terms crowd one length's table (shared slots, shared tags); every sprinkled term
        // must still be found, and nothing else.
        Random random = new Random(21);
        String pool = "东西南北青湖山河星海龙凤金银长红光明华新安平兴盛云江岭峰穹隼翎骁渊曜澜琨璟骥鲲鹞嵘岚烽焱";
        Set<String> unique = new java.util.LinkedHashSet<>();
        while (unique.size() < 6_000) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                sb.append(pool.charAt(random.nextInt(pool.length())));
            }
            unique.add(sb.toString());
        }
        List<String> terms = new ArrayList<>(unique);
        KeywordDetector detector = detector(terms);
        StringBuilder text = new StringBuilder(OfficialProse.prose(random, 20_000));
        for (int i = 0; i < 80; i++) {
            text.insert(text.indexOf("。", random.nextInt(text.length())) + 1, terms.get(random.nextInt(terms.size())));
        }
        String keyForm = KeywordText.keyForm(text.toString());
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < terms.size(); i++) {
            if (keyForm.contains(terms.get(i))) {
                expected.add("kw:" + i);
            }
        }
        assertTrue(expected.size() >= 60, "the sprinkled terms, and whatever their neighbours form");
        assertEquals(expected, new TreeSet<>(ruleIds(detect(detector, text.toString()))));
    }

    @Test
    void thousandTermsFindNothingInACleanCorpusAndEachWhenSprinkled() {
        Random random = new Random(5);
        List<String> corpus = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String page = OfficialProse.prose(random, 8_000);
            corpus.add(page);
            all.append(KeywordText.keyForm(page)).append('|');
        }
        List<String> terms = new ArrayList<>();
        for (String t : OfficialProse.terms(random, 3_000)) {
            if (terms.size() < 1_000 && all.indexOf(KeywordText.keyForm(t)) < 0) {
                terms.add(t);
            }
        }
        assertEquals(1_000, terms.size(), "the generator must yield 1,000 terms absent from the corpus");
        KeywordDetector detector = detector(terms);

        assertTrue(detect(detector, corpus.toArray(new String[0])).isEmpty(), "no keyword in the clean corpus");

        List<String> pages = new ArrayList<>(corpus);
        for (int i = 0; i < terms.size(); i++) {
            String page = pages.get(i % pages.size());
            int at = page.indexOf('。', random.nextInt(page.length())) + 1; // never inside an earlier term
            pages.set(i % pages.size(), page.substring(0, at) + terms.get(i) + page.substring(at));
        }
        List<Finding> found = detect(detector, pages.toArray(new String[0]));
        assertEquals(1_000, found.size());
        assertEquals(1_000, new TreeSet<>(ruleIds(found)).size());
    }

    @Test
    void termsOfAnyLengthFromTheAnchorOnShareOneWindow() {
        List<String> terms = new ArrayList<>(List.of("东湖", "鲲鹏号"));
        Random random = new Random(41);
        for (int length = 4; length <= 64; length += 4) {
            StringBuilder t = new StringBuilder();
            for (int i = 0; i < length; i++) {
                t.append((char) (0x9E00 + random.nextInt(0x9F))); // rare CJK: no term inside another
            }
            terms.add(t.toString());
        }
        KeywordDetector detector = detector(terms);
        assertEquals(3, detector.windowClassCount(), "2 chars, 3 chars, and one anchor window for 4 to 64");
        StringBuilder text = new StringBuilder("根据工作安排，");
        for (String t : terms) {
            text.append(t).append("相关材料已报送。");
        }
        List<String> all = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            all.add("kw:" + i);
        }
        assertEquals(new TreeSet<>(all), new TreeSet<>(ruleIds(detect(detector, text.toString()))));
        // Each long term's first four chars (its anchor) and all but its last char: not the term.
        StringBuilder partial = new StringBuilder();
        for (String t : terms.subList(2, terms.size())) {
            partial.append(t, 0, 4).append("。").append(t, 0, t.length() - 1).append("之后，");
        }
        assertEquals(List.of("kw:2"), ruleIds(detect(detector, partial.toString())),
                "only the 4-char term, which is its own anchor");
    }

    @Test
    void termsSharingAnAnchorAreToldApart() {
        KeywordDetector detector = detector(List.of("天网行动", "天网行动一期", "天网行动二期工程", "天网行动二期"));
        assertEquals(List.of("kw:0", "kw:2", "kw:3"), ruleIds(detect(detector, "关于天网行动二期工程的报告")));
        assertEquals(List.of("kw:0", "kw:1"), ruleIds(detect(detector, "天网行动一期、天网行动二")));
        assertEquals(List.of("kw:0"), ruleIds(detect(detector, "天网行动一")), "a longer term cut off by the segment end");
    }

    @Test
    void rulesHashedOverTheWholeTermStillMatchBesideAnchoredOnes() {
        List<String> old = List.of("天网工程", "长城数据中心", "鲲鹏联合演练指挥部", "东湖");
        List<KeywordRule> rules = new ArrayList<>(WholeTermRules.rules(KEY, old));
        KeywordHasher hasher = new KeywordHasher(KEY);
        rules.add(hasher.rule("kw:4", Level.SECRET, "蓝盾行动计划"));
        rules.add(hasher.rule("kw:5", Level.SECRET, "长城数据中心二号楼"));
        KeywordDetector detector = new KeywordDetector(KEY, rules);
        assertEquals(4, detector.windowClassCount(), "whole-term windows 2, 4, 6, 9; the anchored rules share 4");
        assertEquals(List.of("kw:0", "kw:1", "kw:2", "kw:3", "kw:4", "kw:5"), ruleIds(detect(detector,
                "天网工程、长城数据中心二号楼、鲲鹏联合演练指挥部、东湖与蓝盾行动计划")));
        assertTrue(detect(detector, "天网工、长城数据中、鲲鹏联合演练指挥、蓝盾行动计").isEmpty());
    }

    @Test
    void latinBoundariesHoldAnywhereInALongSegmentWithPunctuation() {
        // Where a key char sits in the text is worked out only for this check, by walking the text; it
        // must be right far into a long segment, after many blocks and dropped punctuation.
        KeywordDetector detector = detector(List.of("XK-2026", "arrow"));
        Random random = new Random(17);
        String filler = "，各单位要（高度）重视、“切实”加强——组织领导；";
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            text.append(filler, 0, random.nextInt(filler.length()));
            boolean glued = random.nextBoolean();
            String term = random.nextBoolean() ? "XK-2026" : "arrow";
            text.append(glued ? "A" : "").append(term).append(glued ? "" : "、");
            if (!glued) {
                expected.add(term);
            }
        }
        // Every occurrence is checked, so each rule is reported once there is one unglued occurrence.
        List<String> expectedIds = new ArrayList<>();
        if (expected.contains("XK-2026")) {
            expectedIds.add("kw:0");
        }
        if (expected.contains("arrow")) {
            expectedIds.add("kw:1");
        }
        assertEquals(2, expectedIds.size());
        assertEquals(expectedIds, ruleIds(detect(detector, text.toString())));
        String gluedOnly = text.toString().replace("XK-2026、", "XK-20267").replace("arrow、", "arrows");
        assertTrue(detect(detector, gluedOnly).isEmpty());
    }

    @Test
    void anchorsPlacedAwayFromCommonWordsStillFindTheWholeTermOnly() {
        List<String> terms = List.of("中华人民共和国天网工程", "中国人民鲲鹏计划", "关于进一步加强XK-2026");
        KeywordDetector detector = detector(terms);
        String common = "中华人民共和国国务院关于进一步加强中国人民银行工作的通知。".repeat(200);
        assertTrue(detect(detector, common).isEmpty());
        assertTrue(detect(detector, "天网工程", "鲲鹏计划", "XK-2026", "共和国天网工程", "人民鲲鹏计划").isEmpty(),
                "the anchor and a tail of the term are not the term");
        assertEquals(List.of("kw:0", "kw:1", "kw:2"), ruleIds(detect(detector,
                "中华人民共和国天网工程", common + "“中国人民”鲲鹏计划" + common, "关于进一步加强xk-2026")));
    }

    @Test
    void refusesARuleWhosePrefilterCoversCharsOutsideTheTerm() {
        KeywordRule good = new KeywordHasher(KEY).rule("kw:0", Level.SECRET, "长城数据中心");
        int[][] bad = {{1, 0}, {7, 0}, {4, 3}, {4, -1}};
        for (int[] cover : bad) {
            KeywordRule rule = new KeywordRule("kw:0", Level.SECRET, 6, good.prefilter(), good.digest(),
                    cover[0], cover[1]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new KeywordDetector(KEY, List.of(rule)));
            assertTrue(e.getMessage().contains("prefilter covers " + cover[0] + " chars from offset " + cover[1]),
                    e.getMessage());
        }
    }

    @Test
    void evidenceNeverContainsTheTerm() {
        List<String> terms = List.of("天网工程", "XK-2026", "东湖", "长城数据中心");
        List<Finding> found = detect(detector(terms), "天网工程、XK-2026、东湖与长城数据中心");
        assertEquals(4, found.size());
        for (Finding f : found) {
            String all = f.rule() + "|" + f.evidence() + "|" + f.where() + "|" + f;
            for (String term : terms) {
                assertFalse(all.contains(term), f.rule());
                assertFalse(all.contains(KeywordText.keyForm(term)), f.rule());
            }
            assertTrue(f.evidence().matches(".\\*{3,8}"), f.evidence());
        }
        assertEquals("天***", found.stream().filter(f -> f.rule().equals("kw:0")).findFirst().orElseThrow().evidence());
    }

    @Test
    void rulesHashedUnderAnotherKeyMatchNothing() {
        List<KeywordRule> foreign = rules(KeywordTestSupport.key(99), TERMS);
        KeywordDetector detector = new KeywordDetector(KEY, foreign);
        assertTrue(detect(detector, "天网工程、蓝盾行动、长城数据中心、XK-2026、东湖").isEmpty());
    }

    @Test
    void parallelDetectionOnOneInstanceGivesTheSameFindings() throws Exception {
        Random random = new Random(3);
        List<String> terms = OfficialProse.terms(random, 300);
        KeywordDetector detector = detector(terms);
        List<DocumentText> documents = new ArrayList<>();
        for (int d = 0; d < 24; d++) {
            StringBuilder text = new StringBuilder(OfficialProse.prose(random, 6_000));
            for (int i = 0; i < 10; i++) {
                text.insert(random.nextInt(text.length()), terms.get(random.nextInt(terms.size())));
            }
            documents.add(new DocumentText(List.of(Segment.body(text.toString()))));
        }
        List<List<Finding>> sequential = new ArrayList<>();
        for (DocumentText doc : documents) {
            List<Finding> found = new ArrayList<>();
            detector.detect(doc, found::add);
            sequential.add(found);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Finding>>> futures = new ArrayList<>();
            for (int repeat = 0; repeat < 8; repeat++) {
                for (DocumentText doc : documents) {
                    futures.add(pool.submit(() -> {
                        List<Finding> found = new ArrayList<>();
                        detector.detect(doc, found::add);
                        return found;
                    }));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(sequential.get(i % documents.size()), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(sequential.stream().mapToInt(List::size).sum() > 0);
    }
}
