package org.secrecyguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Evidence;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;

class EventTest {
    private static final String CAUGHT = "红星七号试验基地";

    @Test
    void detectionCarriesRulesDetectorsHighestLevelAndMaskedEvidence() {
        Verdict v = new Verdict(List.of(
                new Finding(DetectorType.MARKING, "marking.header", Level.SECRET, "机密★1年", "line 2"),
                new Finding(DetectorType.KEYWORD, "kw:17", Level.CONFIDENTIAL, Evidence.mask(CAUGHT, 1), "p 3")));
        Event e = Event.detection("clipboard", "BLOCK", v).build();

        assertEquals(EventKind.DETECTION, e.kind());
        assertEquals(Level.SECRET, e.level());
        assertEquals(List.of("marking.header", "kw:17"), e.ruleIds());
        assertEquals("marking,keyword", e.detector());
        assertEquals(List.of("机密★1年", Evidence.mask(CAUGHT, 1)), e.evidence());
        assertTrue(e.isNationalSecret());
        assertFalse(e.uploaded());
        assertTrue(e.host() != null && e.user() != null, "host and user are stamped");
    }

    @Test
    void unmaskedKeywordEvidenceIsMaskedWhenBuiltFromFindings() {
        Verdict buggy = new Verdict(List.of(new Finding(DetectorType.FINGERPRINT, "fp:3", Level.SECRET, CAUGHT, "")));
        Event e = Event.detection("clipboard", "BLOCK", buggy).build();
        assertEquals(List.of(Evidence.mask(CAUGHT, 1)), e.evidence());
    }

    @Test
    void overlongEvidenceIsMaskedAgainWhateverItsSource() {
        String prose = "这是一段被引用的涉密文件原文，长度远远超过任何密级标志应有的长度，因此它不可能是引擎掩码后的证据内容。";
        Event e = Event.builder(EventKind.DETECTION).build();
        Event direct = new Event(e.id(), e.epochMillis(), e.zone(), e.kind(), null, null, "clipboard", "BLOCK",
                Level.SECRET, List.of(), null, List.of(prose), null, null, null, null, null, null, null);
        assertEquals(1, direct.evidence().size());
        assertTrue(direct.evidence().get(0).length() <= 10, direct.evidence().get(0));
        assertFalse(direct.evidence().get(0).contains("涉密文件原文"));
    }

    @Test
    void fileNameThatMatchedAKeywordIsStoredMaskedWithItsExtension() {
        Verdict v = new Verdict(List.of(
                new Finding(DetectorType.KEYWORD, "kw:17", Level.SECRET, Evidence.mask(CAUGHT, 1), "file name")));
        Event e = Event.detection("removable_drive", "BLOCK", v).file(CAUGHT + "方案.docx", 10, null).build();
        assertTrue(e.file().name().endsWith(".docx"), e.file().name());
        assertFalse(e.file().name().contains(CAUGHT));
    }

    @Test
    void fileNameIsKeptWhenOnlyTheContentMatched() {
        Event e = TestEvents.keywordOnDrive(CAUGHT, Level.SECRET, Instant.now());
        assertEquals("周报.docx", e.file().name());
    }

    @Test
    void freeTextFieldsAreCappedSoARowHasABoundedSize() {
        Event e = Event.override("clipboard", Verdict.CLEAN, "理".repeat(5000))
                .destination("x".repeat(1000), "标题".repeat(1000)).build();
        assertEquals(1000, e.overrideReason().codePointCount(0, e.overrideReason().length()));
        assertTrue(e.destination().windowTitle().length() <= 256);
        assertTrue(e.destination().application().length() <= 128);
    }

    @Test
    void rejectsAChecksumThatIsNotSha256() {
        assertThrows(IllegalArgumentException.class, () -> new Event.FileInfo("a.txt", 1, "abc"));
    }

    @Test
    void jsonRoundTripKeepsEveryField() {
        Event e = TestEvents.keywordOnDrive(CAUGHT, Level.TOP_SECRET, Instant.parse("2026-10-01T14:00:00Z"))
                .withUploadedAt(123L);
        Event override = Event.override("clipboard", Verdict.CLEAN, "领导同意").zone(ZoneId.of("Asia/Shanghai"))
                .build();
        assertEquals(e, EventJson.read(EventJson.write(e, true)));
        assertEquals(e.withUploadedAt(null), EventJson.read(EventJson.write(e)));
        assertEquals(override, EventJson.read(EventJson.write(override)));
        assertFalse(EventJson.write(e).contains("\n"));
    }

    @Test
    void systemEventsHaveNoLevel() {
        Event e = Event.system(EventKind.CHANNEL_DOWN, "clipboard watcher stopped: no DISPLAY").build();
        assertNull(e.level());
        assertEquals("system", e.channel());
        assertFalse(e.isNationalSecret());
    }
}
