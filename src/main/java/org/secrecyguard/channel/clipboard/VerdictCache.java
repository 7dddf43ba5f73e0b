package org.secrecyguard.channel.clipboard;

import java.util.LinkedHashMap;
import java.util.Map;
import org.secrecyguard.engine.Verdict;

/**
 * Complete verdicts by content hash, least recently used evicted: the same text copied again (or an
 * image re-copied while OCR would take seconds) is judged at once. Holds hashes and masked findings,
 * never content. Thread-safe.
 */
final class VerdictCache {
    private final Map<String, Verdict> map;

    VerdictCache(int capacity) {
        this.map = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verdict> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Verdict get(String hash) {
        return map.get(hash);
    }

    synchronized void put(String hash, Verdict verdict) {
        map.put(hash, verdict);
    }

    synchronized int size() {
        return map.size();
    }
}
