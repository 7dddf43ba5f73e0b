package org.secrecyguard.selfcheck;

import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Evidence;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.events.Event;

/**
 * Evidence as the report may show it: the engine's masked evidence, masked again when it is long (caught
 * prose, not a marking) or when a keyword or fingerprint item carries no mask, the same rule the event
 * log applies. The index and every report go through here, so no caught text reaches the disk.
 */
final class MaskedEvidence {
    private MaskedEvidence() {
    }

    static String of(Finding f) {
        String ev = f.evidence().strip();
        if (ev.isEmpty()) {
            return "";
        }
        boolean hidden = f.detector() == DetectorType.KEYWORD || f.detector() == DetectorType.FINGERPRINT;
        if ((hidden && ev.indexOf('*') < 0) || ev.codePointCount(0, ev.length()) > Event.MAX_EVIDENCE_CHARS) {
            return Evidence.mask(ev, hidden ? 1 : 2);
        }
        return ev;
    }
}
