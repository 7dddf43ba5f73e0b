package org.secrecyguard.engine.marking;

import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.text.NormalizedText;

/**
 * Parses markings out of normalised text: a whole line ({@link #parseLine}) or a marking that
 * starts at a given index ({@link #parseAt}, used for file names). Pure, allocation-light, and
 * bounded: a line longer than {@link #MAX_LINE} is rejected before any work, so the cost over a
 * document is linear in its length.
 */
final class MarkingParser {
    /** The longest line (normalised chars) that can be a marking line: 份号 + marking + date + 特急. */
    static final int MAX_LINE = 48;

    private static final String[] LEVEL_WORDS = {"工作秘密", "绝密", "机密", "秘密", "内部"};
    private static final Level[] LEVEL_OF = {
        Level.WORK_SECRET, Level.TOP_SECRET, Level.SECRET, Level.CONFIDENTIAL, Level.INTERNAL};
    private static final String[] INTERNAL_NOUNS = {
        "资料性出版物", "资料", "文件", "事项", "材料", "刊物", "参考", "发行", "使用"};
    private static final String[] KEEPING_PHRASES = {
        "注意保存", "注意保管", "妥善保管", "注意保密", "请勿外传", "严禁外传", "不得外传", "免费交流", "仅供参考"};
    static final String[] URGENCY = {"特急", "加急", "特提", "平急", "急件"};
    private static final int MAX_EDGE_NOISE = 3;

    private MarkingParser() {
    }

    /**
     * Parses {@code [from, to)} as a marking line: edge specks, an optional 份号 ("000123", "份号：000123"),
     * an optional "密级：" label, the marking, an optional 特急/加急, edge specks, and nothing else, or
     * else only a 发文机关标志 and/or 发文字号 glued after a marking that may carry one (see
     * {@link #gluedToHeader}).
     *
     * @return the marking, or null when the line is anything else
     */
    static Marking parseLine(NormalizedText t, int from, int to) {
        if (to - from > MAX_LINE || from >= to) {
            return null;
        }
        int s = stripLeading(t, from, to);
        int e = stripTrailing(t, s, to);
        if (s >= e || t.charAt(e - 1) == ':') {
            return null; // "内部：" labels what follows; it marks nothing
        }
        int p = s;
        boolean copy = false;
        int afterCopy = copyNumberEnd(t, p, e);
        if (afterCopy > 0) {
            copy = true;
            p = skipInnerNoise(t, afterCopy, e, 2);
        }
        boolean labelled = false;
        if (TextRanges.startsWith(t, p, e, "密级")) {
            labelled = true;
            p += 2;
            if (p < e && (t.charAt(p) == ':' || t.charAt(p) == '★')) {
                p++;
            }
        }
        Marking m = parseAt(t, p, e, true);
        if (m == null) {
            return null;
        }
        int q = skipInnerNoise(t, m.end(), e, 2);
        boolean urgent = false;
        for (String u : URGENCY) {
            if (TextRanges.startsWith(t, q, e, u)) {
                urgent = true;
                q = skipInnerNoise(t, q + u.length(), e, 2);
                break;
            }
        }
        if (q != e && !(gluedToHeader(m, copy, labelled) && HeaderClue.isHeaderTail(t, q, e))) {
            return null;
        }
        if (endsLikeASentence(t, e, to) && m.form() != Marking.Form.STAR && m.form() != Marking.Form.PERIOD
                && m.form() != Marking.Form.PHRASE) {
            return null; // "机密。" / "秘密，" is a one-word sentence; only a full marking survives a stray full stop
        }
        return m.withContext(copy, urgent, labelled);
    }

    /**
     * True when the marking may have the rest of its 版头 glued after it on one line, as text extracted
     * from PDF exports comes back ("000123机密★1年滨江市人民政府办公室文件"): it must prove itself (star,
     * definite period, "密级：" label) or stand after a 份号, so that "机密文件管理办公室文件" stays prose.
     */
    private static boolean gluedToHeader(Marking m, boolean copy, boolean labelled) {
        return copy || labelled || m.form() == Marking.Form.STAR || m.form() == Marking.Form.PERIOD;
    }

    /**
     * Parses a marking that starts exactly at {@code from}: level word, then (for 内部/工作秘密) a
     * noun and keeping phrase, then star and period. Does not require the text to end there.
     *
     * @param ocrTolerant accept OCR specks between characters and look-alikes for the star
     */
    static Marking parseAt(NormalizedText t, int from, int to, boolean ocrTolerant) {
        int li = -1;
        int p = from;
        boolean spaced = false;
        for (int w = 0; w < LEVEL_WORDS.length && li < 0; w++) {
            int end = matchWord(t, from, to, LEVEL_WORDS[w], ocrTolerant);
            if (end > 0) {
                li = w;
                spaced = end - from > LEVEL_WORDS[w].length() || anyGap(t, from, end);
                p = end;
            }
        }
        if (li < 0) {
            return null;
        }
        Level level = LEVEL_OF[li];
        StringBuilder canonical = new StringBuilder(LEVEL_WORDS[li]);
        Marking.Form form = Marking.Form.BARE;
        if (level == Level.INTERNAL || level == Level.WORK_SECRET) {
            if (level == Level.INTERNAL) {
                for (String noun : INTERNAL_NOUNS) {
                    if (TextRanges.startsWith(t, p, to, noun)) {
                        p += noun.length();
                        canonical.append(noun);
                        form = Marking.Form.NOUN;
                        break;
                    }
                }
            }
            int q = ocrTolerant ? skipInnerNoise(t, p, to, 1) : p;
            if (q < to && t.charAt(q) == ',') {
                q++;
            }
            for (String phrase : KEEPING_PHRASES) {
                if (TextRanges.startsWith(t, q, to, phrase)) {
                    p = q + phrase.length();
                    canonical.append(' ').append(phrase);
                    form = Marking.Form.PHRASE;
                    break;
                }
            }
        }
        // star group: real stars, look-alikes (OCR), specks; at most three chars
        int q = p;
        boolean real = false;
        boolean look = false;
        for (int k = 0; k < 3 && q < to; k++) {
            char c = t.charAt(q);
            if (MarkingChars.isRealStar(c)) {
                real = true;
            } else if (ocrTolerant && MarkingChars.isStarLookalike(c) && !look) {
                look = true;
            } else if (ocrTolerant && MarkingChars.isInnerNoise(c)) {
                // a speck: skip it
            } else {
                break;
            }
            q++;
        }
        Period period;
        int end;
        boolean lookalikeUsed = false;
        if (real) {
            period = Period.parse(t, ocrTolerant ? skipInnerNoise(t, q, to, 1) : q, to);
            end = period != null ? period.end() : q;
            form = Marking.Form.STAR;
        } else {
            // the star dropped ("机密1年") or misread ("机密女1年"); the dropped case is tried first so
            // that a numeral such as 十 is never taken for a star
            period = Period.parse(t, p, to);
            end = period != null ? period.end() : p;
            if (period == null && q > p) {
                period = Period.parse(t, q, to);
                if (period != null) {
                    end = period.end();
                    lookalikeUsed = look;
                } else if (look) {
                    end = q;
                    lookalikeUsed = true;
                }
            }
            if (period != null) {
                if (period.kind() == Period.Kind.DEFINITE) {
                    form = Marking.Form.PERIOD;
                } else if (form == Marking.Form.BARE) {
                    form = Marking.Form.CONDITION;
                }
            } else if (lookalikeUsed && form == Marking.Form.BARE) {
                form = Marking.Form.LOOKALIKE;
            }
        }
        if (real || period != null || lookalikeUsed) {
            canonical.append('★');
        }
        if (period != null) {
            canonical.append(period.canonical());
        }
        return new Marking(level, form, canonical.toString(), spaced, lookalikeUsed,
                false, false, false, end);
    }

    /** True when the whole of {@code [from, to)} is a period ("20年", "长期"): a cell of a table of levels. */
    static boolean isPeriodLine(NormalizedText t, int from, int to) {
        if (to - from > MAX_LINE) {
            return false;
        }
        int s = stripLeading(t, from, to);
        int e = stripTrailing(t, s, to);
        Period period = s < e ? Period.parse(t, s, e) : null;
        return period != null && period.end() == e;
    }

    /**
     * End of a 份号 at {@code from}, or -1. A 份号 is six digits (OCR letters allowed for at most two
     * of them). Unlabelled it must start with "00": classified documents are printed in hundreds of
     * copies at most, so real 份号 are "000123", while six-digit amounts and postcodes rarely start
     * with 00. Labelled ("份号：123456", "no.123456") any six digits will do.
     */
    static int copyNumberEnd(NormalizedText t, int from, int to) {
        int p = from;
        boolean label = false;
        if (TextRanges.startsWith(t, p, to, "份号")) {
            p += 2;
            label = true;
        } else if (TextRanges.startsWith(t, p, to, "no")) {
            p += 2;
            label = true;
            if (p < to && t.charAt(p) == '.') {
                p++;
            }
        }
        if (label && p < to && t.charAt(p) == ':') {
            p++;
        }
        int digits = 0;
        int real = 0;
        int q = p;
        while (q < to && MarkingChars.ocrDigit(t.charAt(q)) >= 0) {
            if (Character.isDigit(t.charAt(q))) {
                real++;
            }
            digits++;
            q++;
        }
        if (digits != 6 || real < 4) {
            return -1;
        }
        boolean leadingZeros = MarkingChars.ocrDigit(t.charAt(p)) == 0 && MarkingChars.ocrDigit(t.charAt(p + 1)) == 0;
        return label || leadingZeros ? q : -1;
    }

    /**
     * End of {@code word} matched at {@code from}, with (when tolerant) one speck allowed between
     * two of its characters; -1 when it does not match.
     */
    private static int matchWord(NormalizedText t, int from, int to, String word, boolean tolerant) {
        int p = from;
        for (int k = 0; k < word.length(); k++) {
            if (k > 0 && tolerant && p < to && MarkingChars.isInnerNoise(t.charAt(p))) {
                p++;
            }
            if (p >= to || t.charAt(p) != word.charAt(k)) {
                return -1;
            }
            p++;
        }
        return p;
    }

    private static boolean anyGap(NormalizedText t, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (TextRanges.gapBefore(t, i)) {
                return true;
            }
        }
        return false;
    }

    static int skipInnerNoise(NormalizedText t, int from, int to, int max) {
        int p = from;
        while (p < to && p - from < max && MarkingChars.isInnerNoise(t.charAt(p))) {
            p++;
        }
        return p;
    }

    static int stripLeading(NormalizedText t, int from, int to) {
        int s = from;
        while (s < to && s - from < MAX_EDGE_NOISE && MarkingChars.isEdgeNoise(t.charAt(s))) {
            s++;
        }
        return s;
    }

    /** True when sentence punctuation (。 , ; !) was stripped from the end of the line. */
    private static boolean endsLikeASentence(NormalizedText t, int e, int to) {
        for (int k = e; k < to; k++) {
            char c = t.charAt(k);
            if (c == '。' || c == ',' || c == ';' || c == '!') {
                return true;
            }
        }
        return false;
    }

    /** Trailing specks; a colon is not one: "秘密：" is a label introducing what follows. */
    static int stripTrailing(NormalizedText t, int from, int to) {
        int e = to;
        while (e > from && to - e < MAX_EDGE_NOISE && MarkingChars.isEdgeNoise(t.charAt(e - 1))
                && t.charAt(e - 1) != ':') {
            e--;
        }
        return e;
    }
}
