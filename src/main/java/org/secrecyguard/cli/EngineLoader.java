package org.secrecyguard.cli;

import java.nio.file.Path;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Engine;

/** The engine for command-line scans: the baseline rules, or a rules database when one is given. */
final class EngineLoader {
    private EngineLoader() {
    }

    static Engine load(Path rulesDb) {
        if (rulesDb == null) {
            return Baseline.engine();
        }
        throw new IllegalArgumentException("--rules: rules databases are not supported yet");
    }
}
