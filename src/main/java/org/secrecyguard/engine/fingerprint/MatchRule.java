package org.secrecyguard.engine.fingerprint;

/**
 * When shared fingerprints mean "this text contains part of a registered document".
 *
 * <p>Matched n-gram positions of one registered document are grouped into runs: neighbours no more
 * than {@code maxGap} positions apart (winnowing leaves at most {@code window} positions between
 * fingerprints of a copied passage, and one OCR error or edit breaks {@code ngram} more, so the gap is
 * their sum). A run counts when it holds at least {@code minRunFingerprints} fingerprints. Its length
 * is the number of characters its n-grams span, boilerplate excluded. A document matches when its
 * longest run reaches {@code minLongestRun} characters (a quoted sentence) or all its runs together
 * reach {@code minTotalChars} (a copy broken up by OCR errors or re-ordering).
 *
 * <p>The defaults were chosen by measurement on quotes, OCR'd photos and public text
 * (docs/benchmarks.md, "Fingerprints"): in public text that names the same events and units, runs
 * reached at most 13 characters and 18 in total; a 25-character passage quoted alone reached 14 in 99%
 * of cases, every quoted sentence of 25 or more characters did.
 *
 * @param maxGap             largest distance, in n-gram positions, between neighbours in one run
 * @param minRunFingerprints fingerprints a run needs to count
 * @param minLongestRun      characters the longest run must cover for a match
 * @param minTotalChars      characters all counted runs together must cover for a match
 */
public record MatchRule(int maxGap, int minRunFingerprints, int minLongestRun, int minTotalChars) {
    /** The measured default for {@link Fingerprinter#DEFAULT_NGRAM} and {@link Fingerprinter#DEFAULT_WINDOW}. */
    public static final MatchRule DEFAULT = new MatchRule(
            Fingerprinter.DEFAULT_WINDOW + Fingerprinter.DEFAULT_NGRAM, 2, 14, 32);

    public MatchRule {
        if (maxGap < 1 || minRunFingerprints < 1 || minLongestRun < 1 || minTotalChars < 1) {
            throw new IllegalArgumentException("match rule values must be positive");
        }
    }

    /** The default thresholds with the gap fitted to {@code fingerprinter}'s n-gram size and window. */
    public static MatchRule defaultFor(Fingerprinter fingerprinter) {
        return new MatchRule(fingerprinter.window() + fingerprinter.ngram(), DEFAULT.minRunFingerprints,
                DEFAULT.minLongestRun, DEFAULT.minTotalChars);
    }

    /** True when a document with these measurements matches. */
    public boolean accepts(DocumentMatch match) {
        return match.longestRun() >= minLongestRun || match.matchedChars() >= minTotalChars;
    }
}
