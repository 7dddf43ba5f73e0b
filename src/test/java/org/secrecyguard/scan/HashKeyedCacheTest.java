package org.secrecyguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The verdict cache remembers what was seen recently, forgets the least recently used, and stays bounded. */
class HashKeyedCacheTest {
    @Test
    void leastRecentlyUsedIsEvictedFirst() {
        HashKeyedCache<String> cache = new HashKeyedCache<>(2);
        cache.put("a", "A");
        cache.put("b", "B");
        assertEquals("A", cache.get("a")); // a is now the most recently used
        cache.put("c", "C");
        assertEquals(2, cache.size());
        assertNull(cache.get("b"), "b was used least recently");
        assertEquals("A", cache.get("a"));
        assertEquals("C", cache.get("c"));
    }

    @Test
    void puttingTheSameKeyReplacesTheValue() {
        HashKeyedCache<String> cache = new HashKeyedCache<>(4);
        cache.put("a", "old");
        cache.put("a", "new");
        assertEquals(1, cache.size());
        assertEquals("new", cache.get("a"));
    }

    @Test
    void zeroCapacityRemembersNothing() {
        HashKeyedCache<String> cache = new HashKeyedCache<>(0);
        cache.put("a", "A");
        assertEquals(0, cache.size());
        assertNull(cache.get("a"));
    }

    @Test
    void staysBoundedUnderConcurrentUse() throws Exception {
        HashKeyedCache<Integer> cache = new HashKeyedCache<>(100);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int base = t * 10_000;
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        cache.put(ContentHash.of("k" + (base + i)), i);
                        cache.get(ContentHash.of("k" + (base + i / 2)));
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(100, cache.size());
    }
}
