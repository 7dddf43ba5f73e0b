package org.secrecyguard.engine.keyword;

import org.secrecyguard.engine.Level;

/**
 * One sensitive term pushed by IT, stored so that the rules database does not reveal it.
 *
 * @param id              stable rule id shown in findings (e.g. "kw:17")
 * @param level           the level a match implies
 * @param length          length of the term in key-form chars
 * @param prefilter       a short keyed hash of the term's anchor (see below), cheap to compute over a
 *                        sliding window; too short to identify it on its own
 * @param digest          HMAC-SHA256 of the whole term in key form under the deployment key; confirms a
 *                        candidate
 * @param prefilterLength how many key chars the prefilter covers: {@code min(length, 4)} for rules hashed
 *                        now, {@code length} for rules hashed before anchors existed
 * @param prefilterOffset where in the term those chars start (0 for rules hashed before anchors); the
 *                        hasher puts the anchor where the term is least like ordinary text
 */
public record KeywordRule(String id, Level level, int length, long prefilter, byte[] digest, int prefilterLength,
                          int prefilterOffset) {
    /** A rule whose prefilter covers the whole term (how rules were hashed before anchors). */
    public KeywordRule(String id, Level level, int length, long prefilter, byte[] digest) {
        this(id, level, length, prefilter, digest, length, 0);
    }
}
