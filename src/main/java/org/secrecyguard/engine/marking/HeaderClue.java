package org.secrecyguard.engine.marking;

import org.secrecyguard.engine.text.NormalizedText;

/**
 * Lines of a GB/T 9704-2012 版头 other than the marking itself. None of them flags anything; each
 * makes a weak marking nearby more believable.
 */
enum HeaderClue {
    NONE(0),
    /** A line that is only a 6-digit 份号 ("000123", "份号：000123"). */
    COPY_NUMBER(2),
    /** A line that is only 特急, 加急 (or the older 特提, 平急, 急件). */
    URGENCY(2),
    /** A line that is only the label "密级" (a form or a header laid out as a table). */
    LEVEL_LABEL(2),
    /** A 发文字号 line: "X政办发〔2026〕17号", optionally with 签发人. */
    DOC_NUMBER(1),
    /** A 发文机关标志 line: "…人民政府办公室文件". */
    ISSUER(1);

    private static final int MAX_CLUE_LINE = 40;
    /** Last characters of an issuing organ before "文件": 政府, 办公室, 办公厅, 委员会, 县委, 财政局… */
    private static final String ORGAN_ENDINGS = "府室厅会委局部院处科组心司团社所队站校行署办";

    private final int weight;

    HeaderClue(int weight) {
        this.weight = weight;
    }

    /** How much this clue adds to a nearby marking's score (see {@link MarkingDetector}). */
    int weight() {
        return weight;
    }

    /** Classifies the line {@code [from, to)}. */
    static HeaderClue of(NormalizedText t, int from, int to) {
        if (to - from > MAX_CLUE_LINE || from >= to) {
            return NONE;
        }
        int s = MarkingParser.stripLeading(t, from, to);
        int e = MarkingParser.stripTrailing(t, s, to);
        if (s >= e) {
            return NONE;
        }
        if (MarkingParser.copyNumberEnd(t, s, e) == e) {
            return COPY_NUMBER;
        }
        for (String u : MarkingParser.URGENCY) {
            if (e - s == u.length() && TextRanges.regionEquals(t, s, u)) {
                return URGENCY;
            }
        }
        if ((e - s == 2 || (e - s == 3 && t.charAt(s + 2) == ':')) && TextRanges.regionEquals(t, s, "密级")) {
            return LEVEL_LABEL;
        }
        if (isIssuer(t, s, e)) {
            return ISSUER;
        }
        if (hasDocNumber(t, s, e)) {
            return DOC_NUMBER;
        }
        return NONE;
    }

    /**
     * True when {@code [s, e)}, the rest of a line after a marking, is a 发文机关标志, a 发文字号, or the
     * one followed by the other ("滨江市人民政府办公室文件滨府办〔2026〕12号"). A rest that starts with
     * 级 or 的 makes the level a modifier ("机密级…"), never a marking.
     */
    static boolean isHeaderTail(NormalizedText t, int s, int e) {
        if (s >= e || e - s > MAX_CLUE_LINE || t.charAt(s) == '级' || t.charAt(s) == '的') {
            return false;
        }
        if (isIssuer(t, s, e) || hasDocNumber(t, s, e)) {
            return true;
        }
        for (int k = s + 3; k + 2 < e; k++) {
            if (t.charAt(k) == '文' && t.charAt(k + 1) == '件' && isIssuer(t, s, k + 2) && hasDocNumber(t, k + 2, e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIssuer(NormalizedText t, int s, int e) {
        int n = e - s;
        if (n < 5 || n > 30 || !TextRanges.regionEquals(t, e - 2, "文件")) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (!MarkingChars.isIdeograph(t.charAt(i))) {
                return false;
            }
        }
        return ORGAN_ENDINGS.indexOf(t.charAt(e - 3)) >= 0;
    }

    /**
     * A 发文字号 "…〔2026〕17号" somewhere in a short line with no sentence punctuation; OCR and typists
     * use [ ] ( ) 【 】 for the hexagonal brackets.
     */
    private static boolean hasDocNumber(NormalizedText t, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = t.charAt(i);
            if (c == ',' || c == '。' || c == ';') {
                return false;
            }
        }
        for (int h = s + 7; h < e; h++) {
            if (t.charAt(h) != '号') {
                continue;
            }
            int p = h - 1;
            int digits = 0;
            while (p >= s && digits < 5 && MarkingChars.ocrDigit(t.charAt(p)) >= 0) {
                p--;
                digits++;
            }
            if (digits == 0 || digits > 4 || p < s || !isClosingBracket(t.charAt(p))) {
                continue;
            }
            p--;
            int yearEnd = p + 1;
            int yearDigits = 0;
            while (p >= s && yearDigits < 4 && Character.isDigit(t.charAt(p))) {
                p--;
                yearDigits++;
            }
            if (yearDigits == 4 && p >= s && isOpeningBracket(t.charAt(p))) {
                int year = Integer.parseInt(t.substring(yearEnd - 4, yearEnd));
                if (year >= 1949 && year <= 2199) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isOpeningBracket(char c) {
        return c == '〔' || c == '[' || c == '(' || c == '【' || c == '{' || c == 'c' || c == '〖';
    }

    private static boolean isClosingBracket(char c) {
        return c == '〕' || c == ']' || c == ')' || c == '】' || c == '}' || c == 'j' || c == '〗';
    }
}
