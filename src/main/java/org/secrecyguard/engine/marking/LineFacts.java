package org.secrecyguard.engine.marking;

import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.text.NormalizedText;

/**
 * What each line of a document is (a marking candidate, a 版头 clue, or neither), worked out on
 * first use and kept, so that a scan that stops early (enough findings) has not parsed the rest.
 */
final class LineFacts {
    private static final byte UNKNOWN = 0;
    private static final byte KNOWN = 1;
    /** A marking line holds at least one of these (工作秘密, 绝密, 机密, 秘密, 内部). */
    private static final String LEVEL_INITIALS = "工绝机秘内";
    /** A 版头 clue line holds a digit or one of these (特急/加急/特提, 密级, …文件, …号). */
    private static final String CLUE_CHARS = "急提级件号";
    /** Per char: {@link #LEVEL} and/or {@link #CLUE}, so that the look at a line is one table load per char. */
    private static final byte[] CHAR_FLAGS = buildCharFlags();
    private static final int LEVEL = 1;
    private static final int CLUE = 2;

    private final DocumentText document;
    private final DocumentLines lines;
    private final byte[] state;
    private final Marking[] candidate;
    private final HeaderClue[] clue;

    LineFacts(DocumentText document, DocumentLines lines) {
        this.document = document;
        this.lines = lines;
        int n = lines.count();
        state = new byte[n];
        candidate = new Marking[n];
        clue = new HeaderClue[n];
    }

    /** The marking line {@code i} consists of, or null. */
    Marking candidate(int i) {
        know(i);
        return candidate[i];
    }

    /** The 版头 clue line {@code i} is; NONE for a marking line or any other line. */
    HeaderClue clue(int i) {
        know(i);
        return clue[i];
    }

    /** True when line {@code i} is nothing but a period ("20年"), as in a table of levels. */
    boolean isPeriodLine(int i) {
        return MarkingParser.isPeriodLine(text(i), lines.start(i), lines.end(i));
    }

    /** True when line {@code i} ends with a colon (it introduces what follows). */
    boolean endsWithColon(int i) {
        return text(i).charAt(lines.end(i) - 1) == ':';
    }

    NormalizedText text(int i) {
        return document.normalized(lines.segment(i));
    }

    private void know(int i) {
        if (state[i] == KNOWN) {
            return;
        }
        NormalizedText t = text(i);
        int from = lines.start(i);
        int to = lines.end(i);
        candidate[i] = null;
        clue[i] = HeaderClue.NONE;
        // most lines are prose or table text: one look at their characters rules both parsers out
        if (to - from <= MarkingParser.MAX_LINE) {
            int flags = lines.charFlags(i);
            boolean level = (flags & LEVEL) != 0;
            boolean clueChar = (flags & CLUE) != 0;
            if (level) {
                candidate[i] = MarkingParser.parseLine(t, from, to);
            }
            if (candidate[i] == null && clueChar) {
                clue[i] = HeaderClue.of(t, from, to);
            }
        }
        state[i] = KNOWN;
    }

    /** Whether {@code c} can start a level word (1) or belongs to a 版头 clue (2). */
    static int charFlags(char c) {
        return CHAR_FLAGS[c];
    }

    private static byte[] buildCharFlags() {
        byte[] flags = new byte[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int f = 0;
            if (LEVEL_INITIALS.indexOf(c) >= 0) {
                f |= LEVEL;
            }
            if (CLUE_CHARS.indexOf(c) >= 0 || MarkingChars.ocrDigit((char) c) >= 0) {
                f |= CLUE;
            }
            flags[c] = (byte) f;
        }
        return flags;
    }
}
