package org.secrecyguard.engine.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.Level;

class FingerprintIndexTest {
    private static RegisteredDocument doc(long id, long... fps) {
        return new RegisteredDocument(id, "d" + id, Level.SECRET, 100, fps);
    }

    private static List<Long> lookup(FingerprintIndex index, long hash) {
        List<Long> ids = new ArrayList<>();
        index.lookup(hash, (d, slot) -> ids.add(index.documentId(d)));
        return ids;
    }

    @Test
    void findsTheDocumentsHoldingAFingerprint() {
        FingerprintIndex index = FingerprintIndex.build(List.of(doc(1, 10, 20, -5), doc(2, 20, 30)), new long[0]);
        assertEquals(List.of(1L), lookup(index, 10));
        assertEquals(List.of(1L, 2L), lookup(index, 20));
        assertEquals(List.of(1L), lookup(index, -5));
        assertEquals(List.of(), lookup(index, 99));
        assertEquals(4, index.fingerprintCount());
    }

    @Test
    void dropsFingerprintsOfTooManyDocumentsAsBoilerplate() {
        List<RegisteredDocument> docs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            docs.add(doc(i, 7, 100 + i));
        }
        FingerprintIndex index = FingerprintIndex.build(docs, new long[0], 3);
        assertEquals(List.of(), lookup(index, 7));
        assertTrue(index.isBoilerplate(7));
        assertEquals(List.of(2L), lookup(index, 102));
        assertEquals(1, index.suppressedCount());
    }

    @Test
    void dropsIgnoredFingerprints() {
        FingerprintIndex index = FingerprintIndex.build(List.of(doc(1, 10, 20)), new long[] {20, 999});
        assertEquals(List.of(), lookup(index, 20));
        assertTrue(index.isBoilerplate(999));
        assertFalse(index.isBoilerplate(10));
    }

    @Test
    void repeatedFingerprintsInOneDocumentCountOnce() {
        FingerprintIndex index = FingerprintIndex.build(List.of(doc(1, 5, 5, 5)), new long[0], 1);
        assertEquals(List.of(1L), lookup(index, 5));
    }

    @Test
    void findsEveryKeyOfALargeRandomIndex() {
        Random random = new Random(1);
        List<RegisteredDocument> docs = new ArrayList<>();
        for (int d = 0; d < 200; d++) {
            docs.add(doc(d, random.longs(300).toArray()));
        }
        FingerprintIndex index = FingerprintIndex.build(docs, new long[0]);
        for (RegisteredDocument d : docs) {
            for (long h : d.fingerprints()) {
                assertEquals(List.of(d.id()), lookup(index, h));
            }
        }
        assertTrue(index.sizeInBytes() >= 12L * 200 * 300);
        assertEquals(List.of(), lookup(index, random.nextLong()));
    }

    @Test
    void emptyIndexFindsNothing() {
        assertEquals(0, FingerprintIndex.empty().documentCount());
        assertEquals(List.of(), lookup(FingerprintIndex.empty(), 42));
    }
}
