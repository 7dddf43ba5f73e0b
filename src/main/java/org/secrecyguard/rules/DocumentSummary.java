package org.secrecyguard.rules;

import org.secrecyguard.engine.Level;

/** A registered document as listed to people: everything but the fingerprints themselves. */
public record DocumentSummary(long id, String title, Level level, int textLength, int fingerprintCount) {
}
