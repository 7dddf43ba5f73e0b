package org.secrecyguard.engine;

import java.util.Objects;

/**
 * One thing a detector found.
 *
 * @param detector which detector found it
 * @param rule     stable rule id, e.g. "marking.header", "kw:17", "fp:42"
 * @param level    the level this finding implies
 * @param evidence masked evidence: a marking may be shown as found, keyword and fingerprint evidence
 *                 never contains the caught text (see {@link Evidence})
 * @param where    human-readable location, e.g. "page 2 header", "file name", "image 1 (OCR)"
 */
public record Finding(DetectorType detector, String rule, Level level, String evidence, String where) {
    public Finding {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(level, "level");
        evidence = evidence == null ? "" : evidence;
        where = where == null ? "" : where;
    }

    /** The same finding, located somewhere else (used when a segment's findings are lifted to a file). */
    public Finding at(String newWhere) {
        return new Finding(detector, rule, level, evidence, newWhere);
    }
}
