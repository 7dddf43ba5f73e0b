package org.secrecyguard.engine.keyword;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        List<String> terms = List.of("天网", "蓝盾行动计划", longTerm);
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
