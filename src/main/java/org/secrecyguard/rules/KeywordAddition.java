package org.secrecyguard.rules;

import org.secrecyguard.engine.Level;

/**
 * The result of adding one keyword. The same term (same keyed digest) is stored once: adding it again
 * leaves it alone, or moves it to the new level.
 *
 * @param id       the rule id of the stored term
 * @param level    its level now
 * @param outcome  what happened
 */
public record KeywordAddition(String id, Level level, Outcome outcome) {
    public enum Outcome { ADDED, ALREADY_PRESENT, LEVEL_CHANGED }
}
