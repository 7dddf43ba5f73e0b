package org.secrecyguard.engine.marking;

import java.util.Arrays;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.engine.text.NormalizedText;

/**
 * The non-empty lines of a document's text segments (file names excluded) as one sequence, so that
 * a marking can be weighed against the lines around it even when a 版头 laid out as a table or
 * text boxes arrives as several segments. Stores only indices: no line is copied.
 */
final class DocumentLines {
    /** How many non-empty lines at the top of the first body segment, or of an image, count as "the top". */
    static final int TOP_LINES = 4;

    private int count;
    private int[] segment = new int[16];
    private int[] start = new int[16];
    private int[] end = new int[16];
    private int[] lineNumber = new int[16];
    private boolean[] top = new boolean[16];
    private byte[] charClasses = new byte[16];
    private final int[] linesInSegment;

    private DocumentLines(int segments) {
        linesInSegment = new int[segments];
    }

    static DocumentLines of(DocumentText document) {
        DocumentLines lines = new DocumentLines(document.size());
        boolean firstBodyDone = false;
        for (int s = 0; s < document.size(); s++) {
            SegmentKind kind = document.segment(s).kind();
            if (kind == SegmentKind.FILE_NAME) {
                continue;
            }
            boolean topCounts = kind == SegmentKind.OCR || (kind == SegmentKind.BODY && !firstBodyDone);
            int added = lines.addSegment(s, document.normalized(s), topCounts);
            if (kind == SegmentKind.BODY && added > 0) {
                firstBodyDone = true;
            }
        }
        return lines;
    }

    private int addSegment(int s, NormalizedText text, boolean topCounts) {
        // One walk over the chars finds the line breaks and, on the way, which classes of marking char
        // each line holds (LineFacts would otherwise walk every short line again).
        int added = 0;
        int lineNo = 1;
        int from = 0;
        int classes = 0;
        int n = text.length();
        for (int k = 0; k <= n; k++) {
            char c = k < n ? text.charAt(k) : '\n';
            if (c != '\n') {
                classes |= MarkingChars.classesOf(c);
                continue;
            }
            if (k > from) {
                add(s, from, k, lineNo, topCounts && added < TOP_LINES, classes);
                added++;
            }
            from = k + 1;
            classes = 0;
            lineNo++;
        }
        linesInSegment[s] = added;
        if (added == 1) {
            top[count - 1] = false; // a marking heads a document: a one-line text heads nothing
        }
        return added;
    }

    private void add(int s, int from, int to, int lineNo, boolean isTop, int classes) {
        if (count == segment.length) {
            int cap = count * 2;
            segment = Arrays.copyOf(segment, cap);
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            lineNumber = Arrays.copyOf(lineNumber, cap);
            top = Arrays.copyOf(top, cap);
            charClasses = Arrays.copyOf(charClasses, cap);
        }
        segment[count] = s;
        start[count] = from;
        end[count] = to;
        lineNumber[count] = lineNo;
        top[count] = isTop;
        charClasses[count] = (byte) classes;
        count++;
    }

    int count() {
        return count;
    }

    int segment(int i) {
        return segment[i];
    }

    int start(int i) {
        return start[i];
    }

    int end(int i) {
        return end[i];
    }

    /** 1-based line number within its segment, counting empty lines, as a reader would count. */
    int lineNumber(int i) {
        return lineNumber[i];
    }

    /** The {@link MarkingChars#classesOf classes} of all chars of line {@code i}, or-ed. */
    int charClasses(int i) {
        return charClasses[i] & 0xff;
    }

    /**
     * True for the first few non-empty lines of the first body segment or of an OCR'd image, when
     * that segment has more than one line: a marking heads a document, and a text that is nothing
     * but the word "机密" (a copied word) heads nothing.
     */
    boolean isTop(int i) {
        return top[i];
    }

    /** Non-empty lines of segment {@code s}; 0 for file names. */
    int linesInSegment(int s) {
        return linesInSegment[s];
    }
}
