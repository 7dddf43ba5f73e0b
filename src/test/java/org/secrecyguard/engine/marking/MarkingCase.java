package org.secrecyguard.engine.marking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

/**
 * One row of a positive table: a document, the level its marking states and the normalised marking
 * the evidence must contain. {@link #toString} is the behaviour, shown as the test name.
 */
record MarkingCase(String behaviour, List<Segment> segments, Level level, String evidence) {

    static MarkingCase body(String behaviour, String text, Level level, String evidence) {
        return new MarkingCase(behaviour, List.of(Segment.body(text)), level, evidence);
    }

    static MarkingCase of(String behaviour, SegmentKind kind, String text, Level level, String evidence) {
        return new MarkingCase(behaviour, List.of(new Segment(text, kind, kind.name().toLowerCase())), level, evidence);
    }

    /** Asserts that the document yields findings, all of this level, one of them with this evidence. */
    void assertFlagged() {
        List<Finding> findings = Scan.findings(segments.toArray(new Segment[0]));
        assertFalse(findings.isEmpty(), behaviour + ": nothing found");
        for (Finding f : findings) {
            assertEquals(level, f.level(), behaviour + ": " + findings);
        }
        assertTrue(findings.stream().anyMatch(f -> f.evidence().contains(evidence)),
                behaviour + ": evidence should contain " + evidence + " but was " + findings);
    }

    @Override
    public String toString() {
        return behaviour;
    }
}
