package org.secrecyguard.engine.fingerprint;

import java.util.List;
import org.secrecyguard.engine.Level;

/**
 * How much of one registered document a scanned text shares. Holds counts and locations only, never
 * the matched text.
 *
 * @param documentIndex  index in the {@link FingerprintIndex}
 * @param documentId     the registered document's id
 * @param title          its registered title
 * @param level          its registered level
 * @param fingerprints   distinct registered fingerprints in the counted runs
 * @param matchedChars   estimated characters of the registered document found (counted runs, capped at
 *                       the registered length)
 * @param longestRun     characters covered by the longest counted run
 * @param runs           counted runs
 * @param where          locations (segment "where" labels) holding counted runs, in document order
 */
public record DocumentMatch(int documentIndex, long documentId, String title, Level level, int fingerprints,
                            int matchedChars, int longestRun, int runs, List<String> where) {
    public DocumentMatch {
        where = List.copyOf(where);
    }
}
