package org.secrecyguard.ocr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Verdict;

/**
 * Remembers what recent pictures gave, keyed by a content hash and the rules version, so that the same
 * screenshot pasted twice or the same image embedded in many files is read once. Bounded LRU,
 * thread-safe. Findings are stored relative to the picture's location and relocated on a hit.
 */
final class InspectionCache {
    private final int capacity;
    private final Map<String, Entry> entries;

    private record Entry(List<Finding> findings, List<String> suffixes, boolean ocrUsed, String note) {
    }

    InspectionCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > InspectionCache.this.capacity;
            }
        };
    }

    static String key(String contentHash, String rulesVersion, BodyReading reading, boolean bodyNeeded) {
        return contentHash + '|' + rulesVersion + '|' + reading + '|' + bodyNeeded;
    }

    /** The cached inspection relocated to {@code where}, or null. */
    synchronized ImageInspection get(String key, String where) {
        if (capacity == 0) {
            return null;
        }
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        List<Finding> relocated = new ArrayList<>(e.findings().size());
        for (int i = 0; i < e.findings().size(); i++) {
            String suffix = e.suffixes().get(i);
            Finding f = e.findings().get(i);
            relocated.add(suffix == null ? f : f.at(where + suffix));
        }
        return new ImageInspection(new Verdict(relocated), e.ocrUsed(), e.note());
    }

    synchronized void put(String key, String where, ImageInspection inspection) {
        if (capacity == 0) {
            return;
        }
        List<Finding> findings = inspection.verdict().findings();
        List<String> suffixes = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            suffixes.add(f.where().startsWith(where) ? f.where().substring(where.length()) : null);
        }
        entries.put(key, new Entry(findings, suffixes, inspection.ocrUsed(), inspection.note()));
    }

    synchronized int size() {
        return entries.size();
    }
}
