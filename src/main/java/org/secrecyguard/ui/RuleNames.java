package org.secrecyguard.ui;

import java.util.Map;

/**
 * What a rule id means, for people: the one place that maps the ids the engine puts in findings
 * ("marking.header", "kw:17", "fp:42", "image.red-header"…) to a message key ("rule.marking.header").
 * Keyword and fingerprint ids carry a number after their prefix; all of one prefix share a text. An id
 * with no text (a rule added later) is shown as itself.
 */
final class RuleNames {
    /** Exact ids, as emitted by MarkingDetector and OcrPlan. */
    private static final Map<String, String> EXACT = Map.of(
            "marking.header", "rule.marking.header",
            "marking.line", "rule.marking.line",
            "marking.header-footer", "rule.marking.header-footer",
            "marking.table-cell", "rule.marking.table-cell",
            "marking.text-box", "rule.marking.text-box",
            "marking.ocr", "rule.marking.ocr",
            "marking.filename", "rule.marking.filename",
            "image.red-header", "rule.image.red-header");
    /** Id prefixes followed by a number: keyword rules (RuleStore) and registered documents (FingerprintDetector). */
    private static final Map<String, String> PREFIX = Map.of(
            "kw:", "rule.keyword",
            "fp:", "rule.fingerprint");

    private RuleNames() {
    }

    /** The message key for a rule id, or null when it has none. */
    static String key(String ruleId) {
        if (ruleId == null) {
            return null;
        }
        String exact = EXACT.get(ruleId);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> p : PREFIX.entrySet()) {
            if (ruleId.startsWith(p.getKey()) && ruleId.length() > p.getKey().length()) {
                return p.getValue();
            }
        }
        return null;
    }

    /** What the rule means ("公文首页的密级标志"), or the id itself when it has no text. */
    static String meaning(Messages m, String ruleId) {
        String key = key(ruleId);
        return key != null && m.has(key) ? m.get(key) : ruleId == null ? "" : ruleId;
    }

    /** The meaning followed by the id as a detail ("公文首页的密级标志（marking.header）"), or just the id. */
    static String withId(Messages m, String ruleId) {
        String meaning = meaning(m, ruleId);
        return meaning.equals(ruleId == null ? "" : ruleId) ? meaning : m.format("rule.withId", meaning, ruleId);
    }
}
