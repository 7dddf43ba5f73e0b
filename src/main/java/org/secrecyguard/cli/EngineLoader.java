package org.secrecyguard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.rules.EngineBuilder;
import org.secrecyguard.rules.RuleStore;

/** The engine for command-line scans: the baseline rules, or a rules database when one is given. */
final class EngineLoader {
    private EngineLoader() {
    }

    static Engine load(Path rulesDb) {
        if (rulesDb == null) {
            return Baseline.engine();
        }
        if (!Files.isRegularFile(rulesDb)) {
            throw new IllegalArgumentException("--rules: no rules database at " + rulesDb);
        }
        try (RuleStore store = RuleStore.open(rulesDb)) {
            return EngineBuilder.build(store.loadSnapshot());
        }
    }
}
