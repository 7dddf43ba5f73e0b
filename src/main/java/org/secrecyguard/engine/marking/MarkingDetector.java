package org.secrecyguard.engine.marking;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.engine.TextDetector;
import org.secrecyguard.engine.text.NormalizedText;

/**
 * Finds 密级标志 (classification markings) laid out as GB/T 9704-2012 prescribes, and as people and
 * OCR actually produce them, while leaving prose that merely <em>mentions</em> a level alone.
 *
 * <h2>What counts as a marking</h2>
 * A marking is a line (or a whole table cell, text box, page header/footer, or a token of a page
 * header/footer) that consists of nothing but: edge specks (| 。 [ ] ( ) 【 】…), an optional 份号
 * (6 digits), an optional "密级：" label, the level word (绝密 机密 秘密 工作秘密 内部), an optional
 * star and 保密期限, an optional 特急/加急, edge specks. Anything else on the line (a sentence, a
 * suffix such as 级/文件/花园, book-title marks 《》 or quotes “”) makes it a mention, never a marking:
 * "一份机密级文件", "商业机密", "《秘密花园》", "他保守了这个秘密。", "内部控制", "机密文件管理规定".
 * A line ending in a colon ("内部：") is a label; a bare level followed by 。 or ，("机密。") is a
 * one-word sentence (a full marking such as "机密★1年。" survives the stray full stop OCR adds).
 * The text is normalised first (full/half width, traditional → simplified, whitespace removed) and
 * OCR damage is tolerated: one speck between characters, a look-alike for the star (大 女 坟 士 太 文…),
 * the star dropped, 0/O and 1/l/I in digits, 午 for 年, 介 for 个.
 *
 * <h2>How much a marking proves (score; 3 or more flags)</h2>
 * <ul>
 *   <li>3 on its own: level + real star (★ ☆ ✩ * ※…) with or without a period ("机密★1年", "内部★");
 *       level + a definite period with the star dropped or misread ("机密1年", "机密女1年",
 *       "绝密启用前"); "密级：机密"; 内部/工作秘密 with a keeping phrase ("内部资料 注意保存",
 *       "内部事项 注意保管").</li>
 *   <li>2: 绝密, 机密, 工作秘密, 内部 alone; 内部资料/内部文件 alone.</li>
 *   <li>1: 秘密 alone (a common word: a poem or a chapter titled 秘密 must not flag); a star
 *       look-alike with no period ("机密士"); a condition period without a real star ("秘密公开发布前").</li>
 * </ul>
 * Support added to that:
 * <ul>
 *   <li>+2 a 份号 before it or 特急/加急 after it on the same line;</li>
 *   <li>+2 the segment is a page HEADER/FOOTER or a TEXT_BOX (a table cell gets nothing: tables that
 *       list the levels, 密级 | 保密期限, are common in training material);</li>
 *   <li>+2 a 份号 line ("000123": unlabelled 份号 must start with 00) up to {@value #WINDOW} lines
 *       above, a 特急/加急 line within {@value #URGENCY_WINDOW} lines, or a "密级" label line right
 *       above; +1 a 发文字号 line (〔2026〕17号) or a 发文机关标志 line (…文件) within {@value #WINDOW}
 *       lines, +2 for both when the 发文机关标志 is below the level (a level standing alone above a
 *       whole 版头, as a text box or shape puts it, even off the first lines);</li>
 *   <li>+1 it stands in the first {@value DocumentLines#TOP_LINES} lines of the first body segment or
 *       of an OCR'd image (where the 版头 is), when that text has more lines after it (a clipboard
 *       holding only the word "机密" heads nothing);</li>
 *   <li>+1 the level's characters were spaced apart in typed text ("秘　密", the 1999 layout);</li>
 *   <li>+1 a star look-alike in an OCR segment (where look-alikes are expected).</li>
 * </ul>
 * So a bare "机密" at the top of a document flags, a bare "秘密" flags only with 版头 evidence, in a
 * page header, or typeset "秘　密" at the top; a bare level deep in the body never flags without
 * evidence. One judgement to know: a two-character title typeset with a full-width space
 * ("秘　密") on a document's first line is flagged, because that is exactly the 1999 layout.
 * A weak form (score below 3 on its own) is rejected when the line next to it is another level or
 * a bare period ("绝密 / 30年 / 机密 / 20年": a table of levels, not a marking), or when the line
 * before ends with a colon ("右上角写着两个字：" / "绝密": a quotation). Strong forms are not
 * rejected that way: a training slide that shows "机密★1年" on a line of its own is flagged, and so
 * is a past exam paper headed "绝密★启用前" (the condition has lapsed, which no text can show;
 * allowing such files is the policy's business).
 *
 * <h2>File names</h2>
 * Segments of kind FILE_NAME follow separate rules, see {@link FileNameMarkings}; their findings
 * carry detector FILENAME.
 *
 * <h2>Rule ids (stable)</h2>
 * <ul>
 *   <li>{@code marking.header} — in a body line with 版头 evidence (份号, 特急/加急, 发文字号, 发文机关标志, 密级 label);</li>
 *   <li>{@code marking.line} — in a body line (also footnotes, comments) without such evidence;</li>
 *   <li>{@code marking.header-footer} — in a page header or footer;</li>
 *   <li>{@code marking.table-cell}, {@code marking.text-box} — a table cell or text box;</li>
 *   <li>{@code marking.ocr} — in text OCR'd from an image;</li>
 *   <li>{@code marking.filename} — in a file name (detector FILENAME).</li>
 * </ul>
 * Evidence is the marking normalised: "机密★1年" (OCR look-alikes and dropped stars repaired),
 * "秘密", "内部资料 注意保存". Markings are not secret in themselves, so they are shown as found.
 *
 * <p>Cost: one pass over the text; lines longer than {@value MarkingParser#MAX_LINE} characters
 * are skipped at once, most others are ruled out by one look at their characters, each candidate
 * looks at most {@value #WINDOW} lines either way, and a document yields at most
 * {@value #MAX_FINDINGS} findings, so the time is linear in the document's length. No regular
 * expressions. Immutable and thread-safe.
 */
public final class MarkingDetector implements TextDetector {
    /** Lines either side of a marking searched for 版头 evidence. */
    static final int WINDOW = 6;
    /** Lines either side of a marking where 特急/加急 counts as its 紧急程度. */
    static final int URGENCY_WINDOW = 2;
    private static final int FLAG = 3;
    /** Page header/footer lines up to this length are also searched token by token. */
    private static final int MAX_TOKENISED_LINE = 200;
    /**
     * Findings reported per document at most. A marked document repeats its marking on every page;
     * beyond this many the verdict is settled and more findings only cost memory and time.
     */
    public static final int MAX_FINDINGS = 100;

    private final Set<Level> levels;

    /**
     * @param levels the levels to report; markings of other levels are recognised (so that
     *               "工作秘密" is never mistaken for 秘密) but not reported
     */
    public MarkingDetector(Set<Level> levels) {
        EnumSet<Level> copy = EnumSet.noneOf(Level.class);
        copy.addAll(levels);
        this.levels = Collections.unmodifiableSet(copy);
    }

    /** A detector reporting every level. */
    public static MarkingDetector allLevels() {
        return new MarkingDetector(EnumSet.allOf(Level.class));
    }

    public Set<Level> levels() {
        return levels;
    }

    /**
     * Markings stand in a page's header band, so OCR of a picture may stop after reading that band
     * when no other detector needs the body.
     */
    @Override
    public boolean needsBodyText() {
        return false;
    }

    @Override
    public void detect(DocumentText document, Consumer<Finding> sink) {
        if (levels.isEmpty()) {
            return;
        }
        Reporter out = new Reporter(sink);
        for (int s = 0; s < document.size() && !out.full(); s++) {
            Segment segment = document.segment(s);
            if (segment.kind() == SegmentKind.FILE_NAME) {
                String where = segment.where().isEmpty() ? "file name" : segment.where();
                FileNameMarkings.find(document.normalized(s), m -> out.report(new Finding(
                        DetectorType.FILENAME, "marking.filename", m.level(), m.canonical(), where)));
            }
        }
        DocumentLines lines = DocumentLines.of(document);
        LineFacts facts = new LineFacts(document, lines);
        for (int i = 0; i < lines.count() && !out.full(); i++) {
            SegmentKind kind = document.segment(lines.segment(i)).kind();
            if (facts.candidate(i) != null) {
                judgeLine(document, lines, facts, i, out);
            } else if (kind == SegmentKind.HEADER || kind == SegmentKind.FOOTER) {
                judgeTokens(document, lines, i, out);
            }
        }
    }

    private void judgeLine(DocumentText document, DocumentLines lines, LineFacts facts, int i, Reporter out) {
        Marking m = facts.candidate(i);
        SegmentKind kind = document.segment(lines.segment(i)).kind();
        int base = ownScore(m, kind);
        if (base < FLAG && (inTableOfLevels(lines, facts, i) || introducedByColon(lines, facts, i))) {
            return;
        }
        int evidence = evidenceAround(lines, facts, i);
        int score = base + kindBonus(kind) + (lines.isTop(i) ? 1 : 0) + evidence;
        if (score >= FLAG) {
            report(document, lines, i, m, evidence > 0, out);
        }
    }

    /** A page header/footer line holding a marking among other words: "第 1 页  秘密". */
    private void judgeTokens(DocumentText document, DocumentLines lines, int i, Reporter out) {
        int from = lines.start(i);
        int to = lines.end(i);
        if (to - from > MAX_TOKENISED_LINE) {
            return;
        }
        NormalizedText t = document.normalized(lines.segment(i));
        SegmentKind kind = document.segment(lines.segment(i)).kind();
        int tokenStart = from;
        for (int k = from + 1; k <= to; k++) {
            if (k == to || TextRanges.gapBefore(t, k)) {
                Marking m = MarkingParser.parseLine(t, tokenStart, k);
                if (m != null && ownScore(m, kind) + kindBonus(kind) >= FLAG) {
                    report(document, lines, i, m, false, out);
                }
                tokenStart = k;
            }
        }
    }

    /** The marking's own score plus what its own line adds (份号, 特急, spacing, OCR look-alike). */
    private static int ownScore(Marking m, SegmentKind kind) {
        int score = m.baseScore();
        boolean ocr = kind == SegmentKind.OCR;
        if (m.spaced() && !ocr && score < FLAG) {
            score++;
        }
        if (m.lookalike() && ocr) {
            score++;
        }
        if (m.copyNumber() || m.urgency()) {
            score += 2;
        }
        return score;
    }

    private static int kindBonus(SegmentKind kind) {
        return kind == SegmentKind.HEADER || kind == SegmentKind.FOOTER || kind == SegmentKind.TEXT_BOX ? 2 : 0;
    }

    /**
     * 版头 evidence around line {@code i}, summed: +2 for a 份号 line above it (within the window), a
     * 特急/加急 line within {@value #URGENCY_WINDOW} lines, or a "密级" label on the line right above;
     * +1 for a 发文字号 or 发文机关标志 line within the window, +2 for both with the 发文机关标志 below
     * the level (a bare level alone above a whole 版头, as a text box puts it). Positions follow GB/T 9704: the
     * 份号 comes first, the urgency next to the marking.
     */
    private static int evidenceAround(DocumentLines lines, LineFacts facts, int i) {
        int header = 0;
        int redHead = 0;
        boolean issuerBelow = false;
        boolean docNumber = false;
        int lo = Math.max(0, i - WINDOW);
        int hi = Math.min(lines.count() - 1, i + WINDOW);
        for (int j = lo; j <= hi; j++) {
            HeaderClue clue = facts.clue(j);
            boolean counts;
            switch (clue) {
                case COPY_NUMBER:
                    counts = j < i;
                    break;
                case URGENCY:
                    counts = Math.abs(j - i) <= URGENCY_WINDOW;
                    break;
                case LEVEL_LABEL:
                    counts = j == i - 1;
                    break;
                default:
                    counts = true;
                    break;
            }
            if (!counts) {
                continue;
            }
            if (clue.weight() >= 2) {
                header = 2;
            } else if (clue.weight() == 1) {
                redHead = 1;
            }
            issuerBelow |= clue == HeaderClue.ISSUER && j > i;
            docNumber |= clue == HeaderClue.DOC_NUMBER;
        }
        if (issuerBelow && docNumber) {
            redHead = 2; // the level stands above a whole 版头: where GB/T 9704 puts the marking
        }
        return header + redHead;
    }

    /** True when a neighbouring line is another level or a bare period: a table that lists levels. */
    private static boolean inTableOfLevels(DocumentLines lines, LineFacts facts, int i) {
        for (int j = i - 1; j <= i + 1; j += 2) {
            if (j < 0 || j >= lines.count()) {
                continue;
            }
            Marking other = facts.candidate(j);
            if (other != null ? other.level() != facts.candidate(i).level() : facts.isPeriodLine(j)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the line before ends with a colon ("右上角写着两个字：" / "绝密"): the level is being
     * quoted, not marked. The label "密级：" is the exception, it labels the marking.
     */
    private static boolean introducedByColon(DocumentLines lines, LineFacts facts, int i) {
        int j = i - 1;
        if (j < 0 || lines.segment(j) != lines.segment(i) || facts.clue(j) == HeaderClue.LEVEL_LABEL) {
            return false;
        }
        return facts.endsWithColon(j);
    }

    private void report(DocumentText document, DocumentLines lines, int i, Marking m, boolean headerEvidence,
                        Reporter out) {
        int s = lines.segment(i);
        Segment segment = document.segment(s);
        String rule;
        switch (segment.kind()) {
            case OCR:
                rule = "marking.ocr";
                break;
            case HEADER: case FOOTER:
                rule = "marking.header-footer";
                break;
            case TABLE_CELL:
                rule = "marking.table-cell";
                break;
            case TEXT_BOX:
                rule = "marking.text-box";
                break;
            default:
                rule = headerEvidence || m.copyNumber() || m.urgency() ? "marking.header" : "marking.line";
                break;
        }
        String where = segment.where();
        if (lines.linesInSegment(s) > 1) {
            String line = "line " + lines.lineNumber(i);
            where = where.isEmpty() ? line : where + ", " + line;
        }
        out.report(new Finding(DetectorType.MARKING, rule, m.level(), m.canonical(), where));
    }

    /** Passes on findings of the enabled levels, at most {@link #MAX_FINDINGS} per document. */
    private final class Reporter {
        private final Consumer<Finding> sink;
        private int reported;

        Reporter(Consumer<Finding> sink) {
            this.sink = sink;
        }

        void report(Finding finding) {
            if (!full() && levels.contains(finding.level())) {
                reported++;
                sink.accept(finding);
            }
        }

        boolean full() {
            return reported >= MAX_FINDINGS;
        }
    }
}
