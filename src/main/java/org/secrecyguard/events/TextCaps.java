package org.secrecyguard.events;

/** Length caps for free text kept in events: an event row has a bounded size whatever a caller passes. */
final class TextCaps {
    private TextCaps() {
    }

    /** {@code s} cut to at most {@code max} code points (null stays null; blank becomes null). */
    static String cap(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.codePointCount(0, t.length()) <= max) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** Number of code points of {@code s}. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
