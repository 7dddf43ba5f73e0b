package org.secrecyguard.rules;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.fingerprint.RegisteredDocument;
import org.secrecyguard.engine.keyword.KeywordRule;
import org.secrecyguard.policy.PolicyConfig;

/**
 * One complete, immutable rule set as loaded from a rules database: what the app turns into an
 * {@code Engine} and a {@code Policy}. The collections are unmodifiable; the arrays inside
 * {@link KeywordRule} and {@link RegisteredDocument} are shared for speed and must not be modified.
 *
 * <p>The deployment key is the secret under which keywords and fingerprints are hashed. Keyed hashes
 * keep the terms and documents hidden from someone who reads the bundle and has nothing else, but the
 * key travels with the rules (every agent must hash what it scans the same way), so someone holding
 * both a bundle and a list of guesses can test each guess. A bundle is therefore not public material.
 *
 * @param info           version, issuer, creation time and schema version
 * @param deploymentKey  32 random bytes, generated when the database was initialised
 * @param markingLevels  levels whose markings the marking detector flags
 * @param keywords       keyword rules (keyed hashes, never the terms)
 * @param documents      registered documents (keyed fingerprints, never the text)
 * @param fingerprintScheme the {@code Fingerprinter.scheme()} the documents were made with, or null
 *                       when the database did not record it (made before schemes were recorded)
 * @param policy         matrix, external applications, allowed devices and calendar
 * @param popups         popup texts per level and channel, zh_CN and en
 * @param selfCheckWeekly the unit-wide weekly self-check slot as the bundle carries it ("MON 12:30", "off"),
 *                       or null when the rules leave it to the site; not checked here, so that a bad value
 *                       costs only the schedule, never the rules ({@code policy.WeeklySchedule} parses it)
 */
public record RuleSnapshot(RulesInfo info, byte[] deploymentKey, Set<Level> markingLevels,
                           List<KeywordRule> keywords, List<RegisteredDocument> documents,
                           String fingerprintScheme, PolicyConfig policy, PopupTexts popups,
                           String selfCheckWeekly) {
    public RuleSnapshot {
        Objects.requireNonNull(info, "info");
        deploymentKey = deploymentKey.clone();
        markingLevels = Set.copyOf(markingLevels);
        keywords = List.copyOf(keywords);
        documents = List.copyOf(documents);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(popups, "popups");
    }

    /** A snapshot without a self-check slot. */
    public RuleSnapshot(RulesInfo info, byte[] deploymentKey, Set<Level> markingLevels, List<KeywordRule> keywords,
                        List<RegisteredDocument> documents, String fingerprintScheme, PolicyConfig policy,
                        PopupTexts popups) {
        this(info, deploymentKey, markingLevels, keywords, documents, fingerprintScheme, policy, popups, null);
    }

    /** A snapshot whose fingerprint scheme is not recorded. */
    public RuleSnapshot(RulesInfo info, byte[] deploymentKey, Set<Level> markingLevels, List<KeywordRule> keywords,
                        List<RegisteredDocument> documents, PolicyConfig policy, PopupTexts popups) {
        this(info, deploymentKey, markingLevels, keywords, documents, null, policy, popups, null);
    }

    /** A copy of the deployment key (the snapshot keeps its own). */
    @Override
    public byte[] deploymentKey() {
        return deploymentKey.clone();
    }

    /** Total fingerprints over all registered documents. */
    public long fingerprintCount() {
        long n = 0;
        for (RegisteredDocument d : documents) {
            n += d.fingerprints().length;
        }
        return n;
    }
}
