package org.secrecyguard.ocr;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.TextDetector;

/**
 * Test double for the engine: records the OCR segments it is given (so tests can check what was read
 * and where) and reports a finding for a level word, most specific first, so that the inspector's
 * verdict handling, caching and relocation can be tested apart from the real marking detector.
 */
final class RecordingDetector implements TextDetector {
    private static final List<Level> MOST_SPECIFIC_FIRST = List.of(
            Level.WORK_SECRET, Level.TOP_SECRET, Level.SECRET, Level.CONFIDENTIAL, Level.INTERNAL);

    final List<Segment> seen = new CopyOnWriteArrayList<>();
    private final boolean needsBody;
    private final boolean reportsLevelWords;

    /** A recorder that also reports level words as findings. */
    RecordingDetector(boolean needsBody) {
        this(needsBody, true);
    }

    RecordingDetector(boolean needsBody, boolean reportsLevelWords) {
        this.needsBody = needsBody;
        this.reportsLevelWords = reportsLevelWords;
    }

    /** A recorder that only records (next to the real marking detector). */
    static RecordingDetector silent() {
        return new RecordingDetector(false, false);
    }

    @Override
    public void detect(DocumentText document, Consumer<Finding> out) {
        for (int i = 0; i < document.size(); i++) {
            Segment s = document.segment(i);
            seen.add(s);
            String text = document.normalized(i).text();
            if (!reportsLevelWords) {
                continue;
            }
            for (Level level : MOST_SPECIFIC_FIRST) {
                if (text.contains(level.chinese())) {
                    out.accept(new Finding(DetectorType.MARKING, "test.level-word", level, level.chinese(), s.where()));
                    break;
                }
            }
        }
    }

    @Override
    public boolean needsBodyText() {
        return needsBody;
    }

    /** Everything read, normalised, one string. */
    String allText() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : seen) {
            sb.append(org.secrecyguard.engine.text.TextNormalizer.normalize(s.text()).text()).append('\n');
        }
        return sb.toString();
    }
}
