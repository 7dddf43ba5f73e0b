package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

/** Assertions on extracted documents that say what was expected and list what was found instead. */
final class Extracted {
    private Extracted() {
    }

    /** The segment of {@code kind} at {@code where} (exactly), which must contain {@code text}. */
    static Segment segment(Document doc, SegmentKind kind, String where, String text) {
        for (Segment s : doc.segments()) {
            if (s.kind() == kind && s.where().equals(where) && s.text().contains(text)) {
                return s;
            }
        }
        return fail("no " + kind + " segment at '" + where + "' containing '" + text + "'; found: " + describe(doc));
    }

    /** All segments of {@code kind} that contain {@code text}. */
    static List<Segment> all(Document doc, SegmentKind kind, String text) {
        return doc.segments().stream().filter(s -> s.kind() == kind && s.text().contains(text)).toList();
    }

    /** True when {@code text} stands on a line of its own in the segment (a marking, not a mention). */
    static boolean onOwnLine(Segment s, String text) {
        return s.text().lines().map(String::strip).anyMatch(text::equals);
    }

    static String describe(Document doc) {
        return doc.segments().stream()
                .map(s -> s.kind() + "@" + s.where() + "=" + abbreviate(s.text()))
                .collect(Collectors.joining("; ", "[", "]"));
    }

    private static String abbreviate(String text) {
        String flat = text.replace('\n', '/');
        return flat.length() > 40 ? flat.substring(0, 40) + "…" : flat;
    }
}
