package org.secrecyguard.engine.marking;

import org.secrecyguard.engine.text.NormalizedText;

/**
 * The 保密期限 part of a marking, after the star: a length ("1年", "六个月", "十年"), "长期", a date
 * ("2027年12月31日", "2027.12.31") or a condition ("启用前", "公开发布前").
 *
 * @param end       index in the normalised text just after the period
 * @param canonical the period as printed, with OCR digit and unit confusions repaired ("l年" → "1年")
 * @param kind      how much the period alone says that this is a marking
 */
record Period(int end, String canonical, Kind kind) {

    enum Kind {
        /** A length, a date, 长期 or 启用前: nothing in prose looks like "机密 1年" on a line of its own. */
        DEFINITE,
        /** Any other "…前"/"…后" condition: a real ★ is needed before it counts. */
        CONDITION
    }

    private static final int MAX_CONDITION = 14;
    private static final String[] URGENCY = {"特急", "加急", "特提", "平急", "急件"};

    /** Parses a period starting exactly at {@code from} and ending at or before {@code to}; null if none. */
    static Period parse(NormalizedText t, int from, int to) {
        if (from >= to) {
            return null;
        }
        if (TextRanges.startsWith(t, from, to, "长期")) {
            return new Period(from + 2, "长期", Kind.DEFINITE);
        }
        if (TextRanges.startsWith(t, from, to, "启用前")) {
            return new Period(from + 3, "启用前", Kind.DEFINITE);
        }
        Period date = date(t, from, to);
        if (date != null) {
            return date;
        }
        Period length = length(t, from, to);
        if (length != null) {
            return length;
        }
        return condition(t, from, to);
    }

    /** 2027年12月31日, 2027年12月, 2027.12.31, 2027-12-31, 2027/12/31; optionally followed by 解密/前/止. */
    private static Period date(NormalizedText t, int from, int to) {
        int p = from;
        int year = 0;
        for (int k = 0; k < 4; k++) {
            if (p >= to || MarkingChars.ocrDigit(t.charAt(p)) < 0) {
                return null;
            }
            year = year * 10 + MarkingChars.ocrDigit(t.charAt(p++));
        }
        if (year < 1949 || year > 2199 || p >= to) {
            return null;
        }
        char sep = t.charAt(p);
        boolean chinese = sep == '年';
        if (!chinese && sep != '.' && sep != '-' && sep != '/') {
            return null;
        }
        p++;
        int[] month = number(t, p, to, 2);
        if (month == null || month[1] < 1 || month[1] > 12) {
            return null;
        }
        p = month[0];
        StringBuilder sb = new StringBuilder().append(year).append('年').append(month[1]).append('月');
        if (chinese) {
            if (p >= to || t.charAt(p) != '月') {
                return null;
            }
            p++;
        } else if (p >= to || t.charAt(p) != sep) {
            return null;
        } else {
            p++;
        }
        int[] day = number(t, p, to, 2);
        if (day != null && day[1] >= 1 && day[1] <= 31) {
            p = day[0];
            if (chinese && p < to && (t.charAt(p) == '日' || t.charAt(p) == '号')) {
                p++;
            }
            sb.append(day[1]).append('日');
        } else if (!chinese) {
            return null;
        }
        for (String tail : new String[] {"解密", "前", "止"}) {
            if (TextRanges.startsWith(t, p, to, tail)) {
                p += tail.length();
                sb.append(tail);
                break;
            }
        }
        return new Period(p, sb.toString(), Kind.DEFINITE);
    }

    /** 1年, 10年, 6个月, 一年, 六个月, 十年, 三十年, 半年, 30天; with OCR's 午/牟/牛 for 年 and 介 for 个. */
    private static Period length(NormalizedText t, int from, int to) {
        int p = from;
        String amount;
        int[] arabic = number(t, p, to, 3);
        if (arabic != null) {
            if (arabic[1] < 1 || arabic[1] > 99) {
                return null;
            }
            amount = Integer.toString(arabic[1]);
            p = arabic[0];
        } else {
            int q = p;
            while (q < to && q - p < 4 && MarkingChars.isChineseNumeral(t.charAt(q))) {
                q++;
            }
            if (q == p) {
                return null;
            }
            amount = t.substring(p, q);
            p = q;
        }
        if (p >= to) {
            return null;
        }
        char u = t.charAt(p);
        if (u == '年' || u == '午' || u == '牟' || u == '牛') {
            return new Period(p + 1, amount + "年", Kind.DEFINITE);
        }
        if ((u == '个' || u == '介') && p + 1 < to && t.charAt(p + 1) == '月') {
            return new Period(p + 2, amount + "个月", Kind.DEFINITE);
        }
        if (u == '月' || u == '天') {
            return new Period(p + 1, amount + u, Kind.DEFINITE);
        }
        return null;
    }

    /** A short run of ideographs ending in 前 or 后 (解密条件), not counting an urgency word after it. */
    private static Period condition(NormalizedText t, int from, int to) {
        int p = from;
        while (p < to && p - from <= MAX_CONDITION && MarkingChars.isIdeograph(t.charAt(p))) {
            p++;
        }
        for (String u : URGENCY) {
            if (p - from > u.length() && TextRanges.regionEquals(t, p - u.length(), u)) {
                p -= u.length();
                break;
            }
        }
        if (p - from < 2 || p - from > MAX_CONDITION) {
            return null;
        }
        char last = t.charAt(p - 1);
        if (last != '前' && last != '后') {
            return null;
        }
        return new Period(p, t.substring(from, p), Kind.CONDITION);
    }

    /** Up to {@code maxDigits} OCR digits from {@code from}: {end, value}, or null when none. */
    private static int[] number(NormalizedText t, int from, int to, int maxDigits) {
        int p = from;
        int value = 0;
        while (p < to && p - from < maxDigits && MarkingChars.ocrDigit(t.charAt(p)) >= 0) {
            value = value * 10 + MarkingChars.ocrDigit(t.charAt(p++));
        }
        if (p == from) {
            return null;
        }
        if (p < to && MarkingChars.ocrDigit(t.charAt(p)) >= 0 && Character.isDigit(t.charAt(p))) {
            return null; // more digits than a period has: not a period
        }
        // a run of OCR letters alone ("li") is a word, not a number
        boolean realDigit = false;
        for (int k = from; k < p; k++) {
            realDigit |= Character.isDigit(t.charAt(k));
        }
        return realDigit || p - from == 1 ? new int[] {p, value} : null;
    }
}
