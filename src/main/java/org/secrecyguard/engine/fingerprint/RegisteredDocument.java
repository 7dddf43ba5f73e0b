package org.secrecyguard.engine.fingerprint;

import org.secrecyguard.engine.Level;

/**
 * A classified document registered by the secrecy office, known only by its keyed fingerprints.
 *
 * @param id           database id, shown as "#id" in evidence
 * @param title        title given at registration (shown in evidence; the office chooses it)
 * @param level        the registered level: a copy reports this even when its marking was changed
 * @param textLength   normalised length of the registered text in chars
 * @param fingerprints winnowed keyed hashes of normalised character n-grams
 */
public record RegisteredDocument(long id, String title, Level level, int textLength, long[] fingerprints) {
}
