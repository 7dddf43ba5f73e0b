package org.secrecyguard.engine.keyword;

import org.secrecyguard.engine.Level;

/**
 * One sensitive term pushed by IT, stored so that the rules database does not reveal it.
 *
 * @param id        stable rule id shown in findings (e.g. "kw:17")
 * @param level     the level a match implies
 * @param length    length of the normalised term in chars (matching runs one pass per length class)
 * @param prefilter a short keyed hash of the normalised term, cheap to compute over a sliding window;
 *                  too short to identify the term on its own
 * @param digest    HMAC-SHA256 of the normalised term under the deployment key; confirms a candidate
 */
public record KeywordRule(String id, Level level, int length, long prefilter, byte[] digest) {
}
