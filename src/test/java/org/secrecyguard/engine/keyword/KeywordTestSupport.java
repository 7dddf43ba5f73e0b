package org.secrecyguard.engine.keyword;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;

/** Keys, rules and detectors for the keyword tests. */
final class KeywordTestSupport {
    private KeywordTestSupport() {
    }

    static byte[] key(long seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }

    static final byte[] KEY = key(20260101L);

    /** Rules "kw:0", "kw:1", ... for the terms, hashed with {@code key}. */
    static List<KeywordRule> rules(byte[] key, List<String> terms) {
        KeywordHasher hasher = new KeywordHasher(key);
        List<KeywordRule> rules = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            rules.add(hasher.rule("kw:" + i, Level.SECRET, terms.get(i)));
        }
        return rules;
    }

    static KeywordDetector detector(List<String> terms) {
        return new KeywordDetector(KEY, rules(KEY, terms));
    }

    static List<Finding> detect(KeywordDetector detector, String... segments) {
        List<Segment> list = new ArrayList<>();
        for (String s : segments) {
            list.add(Segment.body(s));
        }
        List<Finding> found = new ArrayList<>();
        detector.detect(new DocumentText(list), found::add);
        return found;
    }

    static List<String> ruleIds(List<Finding> findings) {
        return findings.stream().map(Finding::rule).sorted().toList();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
