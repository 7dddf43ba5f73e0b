package org.secrecyguard.engine.keyword;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secrecyguard.engine.keyword.KeywordTestSupport.KEY;
import static org.secrecyguard.engine.keyword.KeywordTestSupport.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywordRulesSecrecyTest {
    @Test
    void serialisedRulesDoNotContainTheTerms() throws IOException {
        List<String> terms = new ArrayList<>(List.of("天网工程", "长城数据中心", "xk2026", "鲲鹏联合演练"));
        for (String t : OfficialProse.terms(new Random(8), 200)) {
            if (t.length() >= 3) {
                terms.add(t);
            }
        }
        List<KeywordRule> rules = rules(KEY, terms);

        // The fields as a rules database stores them: id, level, length, prefilter, raw digest bytes.
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(binary)) {
            for (KeywordRule r : rules) {
                out.writeUTF(r.id());
                out.writeUTF(r.level().name());
                out.writeInt(r.length());
                out.writeLong(r.prefilter());
                out.write(r.digest());
            }
        }
        byte[] json = new ObjectMapper().writeValueAsBytes(rules);

        for (byte[] serialised : List.of(binary.toByteArray(), json)) {
            for (String term : terms) {
                for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                    assertFalse(contains(serialised, term.getBytes(cs)), "term bytes found in " + cs);
                }
            }
        }
        assertTrue(binary.size() > 0 && json.length > 0);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
