package org.secrecyguard.app;

import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.policy.Policy;
import org.secrecyguard.rules.EngineBuilder;
import org.secrecyguard.rules.PopupTexts;
import org.secrecyguard.rules.RuleSnapshot;

/**
 * Everything the guard takes from one rule set, built together and swapped as one (through
 * {@code rules.ActiveRules}): the engine that scans, the policy that decides, and the popup texts.
 */
record GuardRules(Engine engine, Policy policy, PopupTexts popups, String versionLabel) {
    /** The built-in rules: markings of every level, the default policy and texts. */
    static GuardRules baseline() {
        return new GuardRules(Baseline.engine(), Policy.defaults(), PopupTexts.defaults(), Baseline.RULES_VERSION);
    }

    /** Builds from a verified rule set; throws (and the rule set is refused) when it cannot be built. */
    static GuardRules of(RuleSnapshot snapshot) {
        return new GuardRules(EngineBuilder.build(snapshot), new Policy(snapshot.policy()), snapshot.popups(),
                snapshot.info().versionLabel());
    }
}
