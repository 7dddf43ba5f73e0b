package org.secrecyguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.marking.MarkingDetector;

class BaselineTest {

    @Test
    void holdsTheMarkingDetectorForAllLevelsUnderTheBaselineVersion() {
        Engine engine = Baseline.engine();
        assertEquals("baseline", engine.rulesVersion());
        assertEquals(1, engine.detectors().size());
        MarkingDetector detector = (MarkingDetector) engine.detectors().get(0);
        assertEquals(java.util.EnumSet.allOf(Level.class), detector.levels());
        assertSame(engine, Baseline.engine());
    }

    @Test
    void flagsAMarkedDocumentAndItsFileName() {
        Verdict v = Baseline.engine().inspect(List.of(
                new Segment("（机密）关于召开专题会议的通知.docx", SegmentKind.FILE_NAME, "file name"),
                Segment.body("000123\n机密★1年\n特急\n\n关于召开专题会议的通知\n各单位：")));
        assertEquals(Level.SECRET, v.highest().orElseThrow());
        assertEquals(List.of(DetectorType.FILENAME, DetectorType.MARKING),
                v.findings().stream().map(Finding::detector).toList());
    }

    @Test
    void leavesProseThatMentionsLevelsClean() {
        assertTrue(Baseline.engine().inspect(Segment.body("某县办公室干部将一份机密级文件拍照发至微信群。")).isClean());
    }
}
