package org.secrecyguard.engine.marking;

import java.util.function.Consumer;
import org.secrecyguard.engine.text.NormalizedText;

/**
 * Finds markings in a file name. People label files by putting the level in front, behind or in
 * brackets, set off from the title: "（机密）关于….docx", "【秘密】xx.pdf", "机密-会议纪要.doc",
 * "绝密_xxx", "会议纪要(机密).doc", "秘密★1年_材料.txt". A level word that runs into other words
 * ("商业机密保护办法.docx", "秘密花园.pdf", "机密级文件清单.xlsx") or sits in 《》/“” is a title, not a label.
 *
 * <p>Accepted: a level with a real star anywhere; a level in brackets; a level set off from the
 * rest of the name by a delimiter (_ - — . space, brackets…) on one side and by a delimiter or the
 * end of the name on the other; a whole name that is a level, except 秘密 and other weak forms
 * (a file named "秘密.txt" is as likely a diary). Star look-alikes are not accepted: file names are
 * typed, not OCR'd, and "机密大会" is a word.
 */
final class FileNameMarkings {
    /** File names are short; a longer "name" (after the last path separator) is scanned only this far. */
    static final int MAX_NAME = 512;

    private FileNameMarkings() {
    }

    /** Reports every marking found in the file name (or path) held by {@code t}. */
    static void find(NormalizedText t, Consumer<Marking> out) {
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '/' || c == '\\') {
                start = i + 1;
            }
        }
        int end = stripExtension(t, start, t.length());
        end = Math.min(end, start + MAX_NAME);
        for (int i = start; i < end; i++) {
            char c = t.charAt(i);
            if (c != '工' && c != '绝' && c != '机' && c != '秘' && c != '内') {
                continue;
            }
            Marking m = MarkingParser.parseAt(t, i, end, false);
            if (m == null) {
                continue;
            }
            if (accepts(t, start, end, i, m)) {
                out.accept(m);
                i = m.end() - 1;
            }
        }
    }

    private static boolean accepts(NormalizedText t, int start, int end, int at, Marking m) {
        if (m.form() == Marking.Form.STAR) {
            return true;
        }
        boolean atStart = at == start;
        boolean atEnd = m.end() == end;
        boolean leftDelimited = !atStart && (isDelimiter(t.charAt(at - 1)) || TextRanges.gapBefore(t, at));
        boolean rightDelimited = !atEnd && (isDelimiter(t.charAt(m.end())) || TextRanges.gapBefore(t, m.end()));
        boolean leftOk = atStart || leftDelimited;
        boolean rightOk = atEnd || rightDelimited;
        if (!leftOk || !rightOk) {
            return false;
        }
        if (leftDelimited || rightDelimited) {
            return m.form() != Marking.Form.CONDITION && m.form() != Marking.Form.LOOKALIKE;
        }
        return m.baseScore() >= 2; // the whole name is the marking
    }

    /**
     * Delimiters that set a label off from a title. Book-title marks and quotes are not among them:
     * they make the level part of a title ("《秘密》.pdf").
     */
    private static boolean isDelimiter(char c) {
        if (MarkingChars.isMentionMark(c)) {
            return false;
        }
        return !Character.isLetterOrDigit(c) && !Character.isSurrogate(c);
    }

    /** Drops a trailing ".docx"-style extension (1 to 6 ASCII letters or digits after the last dot). */
    private static int stripExtension(NormalizedText t, int start, int end) {
        for (int i = end - 1; i > start && end - i <= 7; i--) {
            char c = t.charAt(i);
            if (c == '.') {
                return end - i >= 2 ? i : end;
            }
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return end;
            }
        }
        return end;
    }
}
