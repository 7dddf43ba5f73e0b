package org.secrecyguard.engine;

import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.engine.text.NormalizedText;

/** All text segments of one document, each normalised once and shared by every detector. */
public final class DocumentText {
    private final List<Segment> segments;
    private final List<NormalizedText> normalized;

    public DocumentText(List<Segment> segments) {
        this.segments = List.copyOf(segments);
        List<NormalizedText> list = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            list.add(s.normalize());
        }
        this.normalized = List.copyOf(list);
    }

    public int size() {
        return segments.size();
    }

    public Segment segment(int i) {
        return segments.get(i);
    }

    public NormalizedText normalized(int i) {
        return normalized.get(i);
    }

    public List<Segment> segments() {
        return segments;
    }
}
