package org.secrecyguard.events;

import java.time.Instant;
import java.util.List;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Evidence;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;

/** Events built the way the app builds them: from the engine's findings and a policy decision. */
final class TestEvents {
    private TestEvents() {
    }

    /** A marking found on the clipboard going to WeChat, blocked. */
    static Event marking(Level level, Instant at) {
        Verdict v = new Verdict(List.of(
                new Finding(DetectorType.MARKING, "marking.header", level, level.chinese() + "★1年", "line 2")));
        return Event.detection("clipboard", "BLOCK", v).time(at)
                .destination("WeChat.exe", "某某县工作群").rulesVersion("12").build();
    }

    /** A keyword caught in a file copied to a USB drive; the evidence is masked by the engine. */
    static Event keywordOnDrive(String caught, Level level, Instant at) {
        Verdict v = new Verdict(List.of(
                new Finding(DetectorType.KEYWORD, "kw:17", level, Evidence.mask(caught, 1), "paragraph 3")));
        return Event.detection("removable_drive", "BLOCK_OVERRIDABLE", v).time(at)
                .file("周报.docx", 48_213, "a".repeat(64))
                .device("Kingston", "DataTraveler 3.0", "60A44C413A8BF1B0")
                .rulesVersion("12").build();
    }

    /** An internal-level finding that is only audited. */
    static Event internal(Instant at) {
        return marking(Level.INTERNAL, at);
    }
}
