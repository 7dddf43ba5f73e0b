package org.secrecyguard.rules;

import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.engine.TextDetector;
import org.secrecyguard.engine.fingerprint.FingerprintDetector;
import org.secrecyguard.engine.keyword.KeywordDetector;
import org.secrecyguard.engine.marking.MarkingDetector;

/**
 * Turns a rule snapshot into an engine snapshot: markings for the enabled levels, the keyword
 * dictionary and the registered-document fingerprints, all under the snapshot's deployment key.
 * Detectors with no rules are left out, so an empty dictionary costs nothing per scan.
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
            detectors.add(FingerprintDetector.forDocuments(snapshot.deploymentKey(), snapshot.documents(),
                    BundledBackground.text()));
        }
        return new Engine(detectors, snapshot.info().versionLabel());
    }
}
