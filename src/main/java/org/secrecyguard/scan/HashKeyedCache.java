package org.secrecyguard.scan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Results by content hash, least recently used evicted: the same content seen again (a file scanned
 * twice, text copied again, an image re-copied while OCR would take seconds) is judged at once. Keys
 * are hashes and values hold masked findings, never content. Thread-safe.
 *
 * @param <V> the cached result
 */
public final class HashKeyedCache<V> {
    private final Map<String, V> entries;

    public HashKeyedCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(String key) {
        return entries.get(key);
    }

    public synchronized void put(String key, V value) {
        entries.put(key, value);
    }

    public synchronized int size() {
        return entries.size();
    }
}
