package org.secrecyguard.cli;

import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.keyword.KeywordRule;

/** Turns a term into its keyed rule with the engine's keyword hasher (one place to call it from). */
final class KeywordRules {
    private KeywordRules() {
    }

    static KeywordRule hash(byte[] deploymentKey, String id, Level level, String term) {
        // Wired to engine.keyword.KeywordHasher once the keyword detector is merged.
        throw new UnsupportedOperationException("keyword hashing is not available in this build yet");
    }
}
