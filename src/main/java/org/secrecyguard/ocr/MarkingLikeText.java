package org.secrecyguard.ocr;

import org.secrecyguard.engine.text.TextNormalizer;

/**
 * Cheap tests on OCR'd header text that decide whether a doubtful header deserves a second, slower
 * read. They never flag anything themselves: the engine's detectors do.
 */
final class MarkingLikeText {
    /** Characters of level words and the star with its usual OCR look-alikes. */
    private static final String MARKING_CHARS = "密秘绝★☆";

    private MarkingLikeText() {
    }

    /**
     * True when the header has pieces of a marking (a level character, a star) or a six-digit 份号,
     * which only classified copies carry.
     */
    static boolean looksLikeMarking(String text) {
        String t = TextNormalizer.normalize(text).text();
        for (int i = 0; i < t.length(); i++) {
            if (MARKING_CHARS.indexOf(t.charAt(i)) >= 0) {
                return true;
            }
        }
        for (String line : t.split("\n")) {
            if (line.matches("\\d{6}")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the marking line of a header read came back as a short run of Latin letters and
     * nothing else ("WERT", "BERETA"): with chi_sim+eng, Tesseract sometimes lets the English model read
     * a Chinese line it is unsure of, typically the marking line with its star. That line is the first
     * one, or the one after a 份号 (digits only); Latin words further down (a chat window, a menu) are
     * not taken for a garbled marking.
     */
    static boolean hasLatinGarbleOnTop(String text) {
        int seen = 0;
        for (String line : text.split("\\n")) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            seen++;
            if (t.length() >= 3 && t.length() <= 10
                    && t.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return true;
            }
            boolean copyNumber = t.chars().allMatch(Character::isDigit);
            if (!copyNumber || seen >= 2) {
                return false;
            }
        }
        return false;
    }

    /** Number of CJK characters and digits: how much of the text looks like real reading. */
    static int usefulChars(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                n++;
            }
        }
        return n;
    }
}
