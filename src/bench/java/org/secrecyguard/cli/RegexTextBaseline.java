package org.secrecyguard.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline the text benchmark compares the engine with: one {@link java.util.regex} alternation of
 * every plaintext keyword plus marking patterns, run over the raw (not normalised) text. It is what one
 * would write without the engine, and it has the plaintext terms, which the engine never has.
 */
final class RegexTextBaseline {
    /**
     * Markings as a regex: level★period, a level alone on its line (also "秘　密"), work-secret and
     * internal markings. Cruder than the marking detector (it also hits some prose mentions).
     */
    static final String MARKING_REGEX =
            "(?:绝密|机密|秘密)[ \\t\\u3000]*[★☆*][ \\t\\u3000]*(?:长期|启用前|\\d+[ \\t\\u3000]*(?:年|个月))?"
            + "|(?m:^[ \\t\\u3000]*(?:绝|机|秘)[ \\t\\u3000]*密[ \\t\\u3000]*$)"
            + "|工作秘密|内部(?:资料|事项)[ \\t\\u3000]*注意保[存管]";

    private final Pattern pattern;
    private final Map<String, Integer> keywordIndex = new HashMap<>();
    private final int keywordCount;

    RegexTextBaseline(List<String> keywords) {
        StringBuilder alternation = new StringBuilder("(?<kw>");
        for (int i = 0; i < keywords.size(); i++) {
            if (i > 0) {
                alternation.append('|');
            }
            alternation.append(Pattern.quote(keywords.get(i)));
            keywordIndex.put(keywords.get(i), i);
        }
        alternation.append(")|(?<mk>").append(MARKING_REGEX).append(')');
        this.pattern = Pattern.compile(alternation.toString());
        this.keywordCount = keywords.size();
    }

    /** Counts of what one document holds: distinct keywords (like the engine, once per document) and marking hits. */
    record Counts(int keywords, int markings) {
    }

    Counts scan(List<String> segments) {
        boolean[] seen = new boolean[keywordCount];
        int keywords = 0;
        int markings = 0;
        for (String text : segments) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                if (m.start("kw") >= 0) {
                    int k = keywordIndex.get(m.group("kw"));
                    if (!seen[k]) {
                        seen[k] = true;
                        keywords++;
                    }
                } else {
                    markings++;
                }
            }
        }
        return new Counts(keywords, markings);
    }
}
