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
            int classes = lines.charClasses(i);
            boolean level = (classes & MarkingChars.LEVEL_INITIAL) != 0;
            boolean clueChar = (classes & MarkingChars.CLUE) != 0;
            if (level) {
                candidate[i] = MarkingParser.parseLine(t, from, to);
            }
            if (candidate[i] == null && clueChar) {
                clue[i] = HeaderClue.of(t, from, to);
            }
        }
        state[i] = KNOWN;
    }
}
