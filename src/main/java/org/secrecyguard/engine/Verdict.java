package org.secrecyguard.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the engine found in one piece of content. It states facts (findings and their highest level)
 * and never decides what to do: that is the policy's job.
 */
public record Verdict(List<Finding> findings) {
    public static final Verdict CLEAN = new Verdict(List.of());

    public Verdict {
        findings = List.copyOf(findings);
    }

    /** The most sensitive level among the findings, empty when clean. */
    public Optional<Level> highest() {
        Level top = null;
        for (Finding f : findings) {
            top = Level.max(top, f.level());
        }
        return Optional.ofNullable(top);
    }

    public boolean isClean() {
        return findings.isEmpty();
    }

    /** Both verdicts' findings, without exact duplicates, in order. */
    public Verdict merge(Verdict other) {
        return merge(List.of(this, other));
    }

    public static Verdict merge(Collection<Verdict> verdicts) {
        List<Finding> all = new ArrayList<>();
        for (Verdict v : verdicts) {
            for (Finding f : v.findings) {
                if (!all.contains(f)) {
                    all.add(f);
                }
            }
        }
        return new Verdict(all);
    }
}
