package org.secrecyguard.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable snapshot of all text detectors built from one rule set. The app swaps whole snapshots
 * atomically when rules change, so a scan never sees a half-applied rule set.
 */
public final class Engine {
    private final List<TextDetector> detectors;
    private final String rulesVersion;

    public Engine(List<TextDetector> detectors, String rulesVersion) {
        this.detectors = List.copyOf(detectors);
        this.rulesVersion = rulesVersion;
    }

    /** The version label of the rules this snapshot was built from ("baseline" for built-in rules). */
    public String rulesVersion() {
        return rulesVersion;
    }

    public List<TextDetector> detectors() {
        return detectors;
    }

    /**
     * Whether any detector needs the body text of a document (keyword and fingerprint detectors do);
     * when none does, OCR can stop after a picture's header band.
     */
    public boolean needsBodyText() {
        for (TextDetector detector : detectors) {
            if (detector.needsBodyText()) {
                return true;
            }
        }
        return false;
    }

    /** Runs every detector over one document and returns the combined verdict. */
    public Verdict inspect(DocumentText document) {
        List<Finding> findings = new ArrayList<>();
        for (TextDetector detector : detectors) {
            detector.detect(document, f -> {
                if (!findings.contains(f)) {
                    findings.add(f);
                }
            });
        }
        return new Verdict(findings);
    }

    public Verdict inspect(List<Segment> segments) {
        return inspect(new DocumentText(segments));
    }

    public Verdict inspect(Segment segment) {
        return inspect(List.of(segment));
    }
}
