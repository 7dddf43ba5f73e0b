package org.secrecyguard.engine;

import java.util.List;
import org.secrecyguard.engine.marking.MarkingDetector;

/**
 * The built-in rules that apply when no rule database is given: the marking detector for every
 * level. Needs no configuration and no keys, so a fresh install already finds marked documents.
 */
public final class Baseline {
    /** The version label of the built-in rule set. */
    public static final String RULES_VERSION = "baseline";

    private static final Engine ENGINE = new Engine(List.of(MarkingDetector.allLevels()), RULES_VERSION);

    private Baseline() {
    }

    /** The baseline engine; immutable, so one shared instance serves every caller. */
    public static Engine engine() {
        return ENGINE;
    }
}
