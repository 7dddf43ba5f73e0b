package org.secrecyguard.engine.marking;

import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

/** Test helpers: run the all-levels marking detector and build realistic documents around a marking. */
final class Scan {
    /** What follows a 版头 in a real notice: the issuer, the title, the addressees and a paragraph. */
    static final String NOTICE_BODY = String.join("\n",
            "",
            "关于做好2026年度安全生产检查工作的通知",
            "",
            "各乡镇人民政府，县直各有关单位：",
            "    为切实做好今年安全生产检查工作，经研究，现将有关事项通知如下。",
            "    一、各单位要在5月31日前完成自查，并将自查报告报送县应急管理局。",
            "    二、县应急管理局将会同有关部门组织抽查，抽查结果在全县通报。");

    private Scan() {
    }

    static List<Finding> findings(Segment... segments) {
        List<Finding> out = new ArrayList<>();
        MarkingDetector.allLevels().detect(new DocumentText(List.of(segments)), out::add);
        return out;
    }

    static List<Finding> body(String text) {
        return findings(Segment.body(text));
    }

    static List<Finding> of(SegmentKind kind, String text) {
        return findings(new Segment(text, kind, kind.name().toLowerCase()));
    }

    /** A document whose first lines are {@code header}, followed by a notice's title and text. */
    static String document(String header) {
        return header + "\n" + NOTICE_BODY;
    }

    /** Describes findings for assertion messages. */
    static String describe(List<Finding> findings) {
        return findings.toString();
    }

    /** The single finding, failing with a readable message when there is not exactly one. */
    static Finding single(List<Finding> findings) {
        if (findings.size() != 1) {
            throw new AssertionError("expected exactly one finding, got " + describe(findings));
        }
        return findings.get(0);
    }

    static Level level(List<Finding> findings) {
        return single(findings).level();
    }
}
