package org.secrecyguard.scan;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small synchronized LRU of content results keyed by content hash and rules version. */
final class VerdictCache {
    private final Map<String, ScanResult> entries;

    VerdictCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ScanResult> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized ScanResult get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, ScanResult result) {
        entries.put(key, result);
    }
}
