package org.secrecyguard.rules;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.keyword.KeywordRule;

/** Generates rule data for tests: keyed keyword rules and documents with random fingerprints. */
final class TestRules {
    private TestRules() {
    }

    /** A keyword rule keyed like the real hasher would (HMAC-SHA256 of the term); the store never sees the term. */
    static Function<String, KeywordRule> keyword(byte[] key, Level level, String term) {
        return id -> {
            byte[] digest = hmac(key, term);
            return new KeywordRule(id, level, term.length(), ByteBuffer.wrap(digest).getLong() >>> 44, digest);
        };
    }

    static byte[] hmac(byte[] key, String term) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(term.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static long[] fingerprints(long seed, int count) {
        Random r = new Random(seed);
        long[] f = new long[count];
        for (int i = 0; i < count; i++) {
            f[i] = r.nextLong();
        }
        return f;
    }

    /**
     * A rules database whose content encodes its version: {@code version} documents titled "v{version}-{i}"
     * and one keyword, so a reader can tell a consistent snapshot from a mixed one.
     */
    static Path databaseForVersion(Path dir, long version) {
        Path db = dir.resolve("v" + version + "-" + System.nanoTime() + ".db");
        try (RuleStore store = RuleStore.create(db)) {
            for (int i = 0; i < version; i++) {
                store.addDocument("v" + version + "-" + i, Level.SECRET, 1000, fingerprints(version * 100 + i, 50));
            }
            store.addKeywords(List.of(keyword(store.deploymentKey(), Level.SECRET, "代号" + version)));
            store.setVersion(version, "test office");
        }
        return db;
    }
}
