package org.secrecyguard.rules;

import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.engine.TextDetector;
import org.secrecyguard.engine.fingerprint.FingerprintDetector;
import org.secrecyguard.engine.fingerprint.Fingerprinter;
import org.secrecyguard.engine.keyword.KeywordDetector;
import org.secrecyguard.engine.marking.MarkingDetector;

/**
 * Turns a rule snapshot into an engine snapshot: markings for the enabled levels, the keyword
 * dictionary and the registered-document fingerprints, all under the snapshot's deployment key.
 * Detectors with no rules are left out, so an empty dictionary costs nothing per scan. Documents
 * fingerprinted under another scheme than this program's are refused (see {@link #checkScheme}).
 */
public final class EngineBuilder {
    private EngineBuilder() {
    }

    public static Engine build(RuleSnapshot snapshot) {
        List<TextDetector> detectors = new ArrayList<>();
        detectors.add(new MarkingDetector(snapshot.markingLevels()));
        if (!snapshot.keywords().isEmpty()) {
            detectors.add(new KeywordDetector(snapshot.deploymentKey(), snapshot.keywords()));
        }
        if (!snapshot.documents().isEmpty()) {
            checkScheme(snapshot, new Fingerprinter(snapshot.deploymentKey()).scheme());
            detectors.add(FingerprintDetector.forDocuments(snapshot.deploymentKey(), snapshot.documents(),
                    BundledBackground.text()));
        }
        return new Engine(detectors, snapshot.info().versionLabel());
    }

    /**
     * Refuses registered documents fingerprinted under another scheme than this program's: they could
     * never match, and a guard that silently stopped recognising every registered document is worse
     * than one that refuses the rule set (an agent then keeps its last good rules and reports why).
     * An unrecorded scheme (a database from before schemes were recorded) is taken as the first one.
     *
     * @throws RulesException naming both schemes and what to do
     */
    static void checkScheme(RuleSnapshot snapshot, String ours) {
        String theirs = snapshot.fingerprintScheme();
        if (theirs != null && !theirs.equals(ours)) {
            throw new RulesException("rules version " + snapshot.info().version() + ": its "
                    + snapshot.documents().size() + " registered documents were fingerprinted with scheme "
                    + theirs + ", but this SecrecyGuard fingerprints with " + ours
                    + "; they would never match. Register the documents again with this version"
                    + " (rules unregister, rules register) and publish a new bundle.");
        }
    }
}
