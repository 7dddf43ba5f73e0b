package org.secrecyguard.engine.marking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

/**
 * Garbage and huge inputs never throw and always finish. The 10-second bound is a hang guard, not a
 * speed test (speed is measured by {@code secrecy-guard bench marking}); a megabyte takes well under
 * a second even on a loaded 2-core machine, a quadratic path would take minutes.
 */
class MarkingDetectorRobustnessTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);
    private static final int ONE_MB = 1 << 20;
    /** Characters that exercise every branch: level words, stars, look-alikes, digits, specks, breaks. */
    private static final String NASTY = "机密绝秘内部工作资料文件注意保存管★☆*※大女坟士年个月长期启用前后"
            + "0123456789oli|.:-_（）()【】〔〕\"“”《》 　\t\r\n特急加份号：";

    private static List<Finding> detect(List<Segment> segments) {
        List<Finding> out = new ArrayList<>();
        MarkingDetector.allLevels().detect(new DocumentText(segments), out::add);
        return out;
    }

    private static String build(int length, IntFunction<Character> charAt) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(charAt.apply(i));
        }
        return sb.toString();
    }

    @Test
    void survivesRandomStringsOfEveryKind() {
        Random random = new Random(20260417L);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int round = 0; round < 3000; round++) {
                int length = random.nextInt(80);
                String s = build(length, i -> random.nextInt(4) == 0
                        ? (char) random.nextInt(Character.MAX_VALUE + 1)
                        : NASTY.charAt(random.nextInt(NASTY.length())));
                SegmentKind kind = SegmentKind.values()[round % SegmentKind.values().length];
                for (Finding f : detect(List.of(new Segment(s, kind, "r")))) {
                    assertTrue(f.evidence().length() <= MarkingParser.MAX_LINE + 8, f.toString());
                }
            }
        });
    }

    @Test
    void survivesLoneSurrogatesAndControlCharacters() {
        String s = "\uD800机密★1年\uDC00\u0000\u0001\u202E秘密\uFFFF\n\uDBFF\n000123\n机\uD83D\uDE00密";
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (SegmentKind kind : SegmentKind.values()) {
                detect(List.of(new Segment(s, kind, "x")));
            }
        });
    }

    @Test
    void finishesOneMegabyteOfRandomChineseWithoutLineBreaks() {
        Random random = new Random(7);
        String text = build(ONE_MB, i -> (char) (0x4E00 + random.nextInt(0x5000)));
        assertTimeoutPreemptively(HANG_GUARD, () -> detect(List.of(Segment.body(text))));
    }

    @Test
    void finishesOneMegabyteOfShortLinesOfMarkingCharacters() {
        Random random = new Random(11);
        String text = build(ONE_MB, i -> i % 7 == 6 ? '\n' : NASTY.charAt(random.nextInt(NASTY.length())));
        for (SegmentKind kind : List.of(SegmentKind.BODY, SegmentKind.OCR, SegmentKind.HEADER, SegmentKind.FILE_NAME)) {
            assertTimeoutPreemptively(HANG_GUARD, () -> detect(List.of(new Segment(text, kind, "big"))));
        }
    }

    @Test
    void finishesOneMegabyteOfLineBreaksAndOfSpaces() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            assertEquals(List.of(), detect(List.of(Segment.body("\n".repeat(ONE_MB)))));
            assertEquals(List.of(), detect(List.of(Segment.body(" 机".repeat(ONE_MB / 2)))));
        });
    }

    @Test
    void capsFindingsForAMegabyteOfMarkings() {
        String text = "机密★1年\n".repeat(ONE_MB / 6);
        List<Finding> found = assertTimeoutPreemptively(HANG_GUARD, () -> detect(List.of(Segment.body(text))));
        assertEquals(MarkingDetector.MAX_FINDINGS, found.size());
    }

    @Test
    void finishesManySmallSegments() {
        List<Segment> cells = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            cells.add(new Segment(i % 3 == 0 ? "000123" : i % 3 == 1 ? "秘密" : "特急", SegmentKind.TABLE_CELL, "c" + i));
        }
        List<Finding> found = assertTimeoutPreemptively(HANG_GUARD, () -> detect(cells));
        assertEquals(MarkingDetector.MAX_FINDINGS, found.size());
    }
}
