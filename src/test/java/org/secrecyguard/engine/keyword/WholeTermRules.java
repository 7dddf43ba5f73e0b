package org.secrecyguard.engine.keyword;

import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import org.secrecyguard.engine.Level;

/**
 * Rules hashed the way they were before anchors: the prefilter covers the whole term. Rules databases
 * and bundles made then still hold such rules, so tests need to make them.
 */
public final class WholeTermRules {
    private WholeTermRules() {
    }

    /** One rule whose prefilter covers all of {@code term}'s key chars. */
    public static KeywordRule rule(byte[] deploymentKey, String id, Level level, String term) {
        KeywordKey key = new KeywordKey(deploymentKey);
        String form = KeywordText.keyForm(term);
        char[] chars = form.toCharArray();
        Mac mac = key.newDigestMac();
        return new KeywordRule(id, level, chars.length, KeywordKey.prefilterOf(key.hash(form)),
                KeywordKey.digest(mac, chars, 0, chars.length));
    }

    /** Rules "kw:0", "kw:1", ... for the terms. */
    public static List<KeywordRule> rules(byte[] deploymentKey, List<String> terms) {
        List<KeywordRule> rules = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            rules.add(rule(deploymentKey, "kw:" + i, Level.SECRET, terms.get(i)));
        }
        return rules;
    }
}
