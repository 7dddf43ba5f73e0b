package org.secrecyguard.channel;

import org.secrecyguard.engine.Verdict;

/**
 * A scanner's answer for one piece of content.
 *
 * @param verdict  what was found (clean when nothing)
 * @param complete false when part of the content could not be checked (OCR unavailable, unreadable
 *                 file, size or time limit): the guard then does not cache the verdict
 * @param note     why it is incomplete, for the log (never the content), or ""
 */
public record ScanOutcome(Verdict verdict, boolean complete, String note) {
    public ScanOutcome {
        note = note == null ? "" : note;
    }

    public static ScanOutcome of(Verdict verdict) {
        return new ScanOutcome(verdict, true, "");
    }

    public static ScanOutcome incomplete(Verdict verdict, String note) {
        return new ScanOutcome(verdict, false, note);
    }
}
