package org.secrecyguard.engine.fingerprint;

import java.util.Arrays;

/**
 * Fingerprints that public text already contains, to be ignored by the {@link FingerprintIndex}:
 * salutations, stock openings and closings, organisation names, dates and policy phrases that every
 * official document shares. A registered document quoting them is not leaking anything, and without
 * this list every public notice would "match" every registered one in its boilerplate.
 *
 * <p>The corpus is plain text; each line is fingerprinted on its own (lines starting with '#' are
 * comments). The project ships one ({@link #RESOURCE}); the engine does no I/O, so the caller loads it
 * and passes the text in. Every n-gram of the corpus is collected, not only the winnowed ones, because
 * a registered document's winnowed n-gram may be any of them.
 */
public final class BackgroundCorpus {
    /** Class-path location of the bundled Chinese official-document boilerplate (UTF-8). */
    public static final String RESOURCE = "/org/secrecyguard/engine/fingerprint/background-zh.txt";

    private BackgroundCorpus() {
    }

    /** Sorted distinct n-gram hashes of every non-comment line of {@code corpus}. */
    public static long[] hashes(Fingerprinter fingerprinter, String corpus) {
        long[] all = new long[0];
        int size = 0;
        for (String line : corpus.split("\\R")) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            long[] h = fingerprinter.gramHashes(fingerprinter.prepare(line));
            if (size + h.length > all.length) {
                all = Arrays.copyOf(all, Math.max(size + h.length, all.length * 2));
            }
            System.arraycopy(h, 0, all, size, h.length);
            size += h.length;
        }
        return Fingerprinter.sortedUnique(Arrays.copyOf(all, size));
    }
}
