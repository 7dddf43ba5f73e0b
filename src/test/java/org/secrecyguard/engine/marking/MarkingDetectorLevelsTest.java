package org.secrecyguard.engine.marking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

/** The detector reports only the levels it was built for. */
class MarkingDetectorLevelsTest {
    private static final String MIXED = String.join("\n",
            "000123", "绝密★长期", "机密★1年", "秘密★6个月", "工作秘密★1年", "内部资料 注意保存", "", "关于召开会议的通知", "各单位：");

    private static List<Finding> detect(Set<Level> levels, Segment... segments) {
        List<Finding> out = new ArrayList<>();
        new MarkingDetector(levels).detect(new DocumentText(List.of(segments)), out::add);
        return out;
    }

    @Test
    void reportsEveryLevelWhenAllAreEnabled() {
        List<Finding> found = detect(EnumSet.allOf(Level.class), Segment.body(MIXED));
        assertEquals(List.of(Level.TOP_SECRET, Level.SECRET, Level.CONFIDENTIAL, Level.WORK_SECRET, Level.INTERNAL),
                found.stream().map(Finding::level).toList());
        assertEquals(EnumSet.allOf(Level.class), MarkingDetector.allLevels().levels());
    }

    @Test
    void reportsOnlyNationalSecretsWhenOnlyThoseAreEnabled() {
        Set<Level> national = EnumSet.of(Level.TOP_SECRET, Level.SECRET, Level.CONFIDENTIAL);
        List<Finding> found = detect(national, Segment.body(MIXED),
                new Segment("内部-通讯录.xlsx", SegmentKind.FILE_NAME, "file name"));
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.stream().allMatch(f -> f.level().isNationalSecret()));
    }

    @Test
    void neverReportsWorkSecretAsConfidentialWhenWorkSecretIsDisabled() {
        List<Finding> found = detect(EnumSet.of(Level.CONFIDENTIAL), Segment.body("工作秘密★1年\n关于…的通知\n各单位："));
        assertEquals(List.of(), found);
    }

    @Test
    void reportsNothingWithNoLevelEnabled() {
        assertEquals(List.of(), detect(EnumSet.noneOf(Level.class), Segment.body(MIXED)));
    }
}
