package org.secrecyguard.engine.fingerprint;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import org.secrecyguard.engine.Level;

/**
 * An immutable, compact map from fingerprint to the registered documents that contain it.
 *
 * <p>Layout: the kept fingerprints sorted in one {@code long[]}, a parallel {@code int[]} that holds the
 * document directly when only one document has the fingerprint (the usual case) or points into a
 * shared postings array otherwise, and a directory on the top bits of the hash so that a lookup reads
 * one directory slot and a handful of neighbouring keys. No boxed collections: 10,000 documents of
 * several pages fit in tens of megabytes.
 *
 * <p>Boilerplate is suppressed at build time: a fingerprint found in more than {@code maxDocFrequency}
 * registered documents, or listed as ignored (hashes of a public background corpus, see
 * {@link BackgroundCorpus}), is not indexed, so salutations, closings and stock policy phrases match
 * nothing.
 */
public final class FingerprintIndex {
    /** Default limit on the documents one fingerprint may belong to before it counts as boilerplate. */
    public static final int DEFAULT_MAX_DOC_FREQUENCY = 8;

    private static final FingerprintIndex EMPTY = build(java.util.List.of(), new long[0]);

    private final long[] keys;
    private final int[] values;
    private final int[] postings;
    private final int[] directory;
    private final int directoryShift;
    private final long[] ids;
    private final String[] titles;
    private final Level[] levels;
    private final int[] textLengths;
    private final int suppressed;
    private final long[] boilerplate;

    private FingerprintIndex(long[] keys, int[] values, int[] postings, int[] directory, int directoryBits,
                             long[] ids, String[] titles, Level[] levels, int[] textLengths, int suppressed,
                             long[] boilerplate) {
        this.keys = keys;
        this.values = values;
        this.postings = postings;
        this.directoryShift = 64 - directoryBits;
        this.directory = directory;
        this.ids = ids;
        this.titles = titles;
        this.levels = levels;
        this.textLengths = textLengths;
        this.suppressed = suppressed;
        this.boilerplate = boilerplate;
    }

    /** An index of nothing: every lookup misses. */
    public static FingerprintIndex empty() {
        return EMPTY;
    }

    /** Builds an index with the default boilerplate limit; {@code ignored} may be unsorted. */
    public static FingerprintIndex build(Collection<RegisteredDocument> documents, long[] ignored) {
        return build(documents, ignored, DEFAULT_MAX_DOC_FREQUENCY);
    }

    /**
     * Builds an index.
     *
     * @param documents       registered documents; their fingerprint arrays are not kept or changed
     * @param ignored         fingerprints never to index (the background corpus); may be unsorted
     * @param maxDocFrequency a fingerprint in more documents than this is boilerplate and not indexed
     */
    public static FingerprintIndex build(Collection<RegisteredDocument> documents, long[] ignored,
                                         int maxDocFrequency) {
        Objects.requireNonNull(documents, "documents");
        if (maxDocFrequency < 1) {
            throw new IllegalArgumentException("maxDocFrequency must be at least 1");
        }
        int docCount = documents.size();
        long[] ids = new long[docCount];
        String[] titles = new String[docCount];
        Level[] levels = new Level[docCount];
        int[] lengths = new int[docCount];
        long[][] perDoc = new long[docCount][];
        long total = 0;
        int d = 0;
        for (RegisteredDocument doc : documents) {
            ids[d] = doc.id();
            titles[d] = doc.title() == null ? "" : doc.title();
            levels[d] = Objects.requireNonNull(doc.level(), "level of document " + doc.id());
            lengths[d] = doc.textLength();
            perDoc[d] = Fingerprinter.sortedUnique(doc.fingerprints());
            total += perDoc[d].length;
            d++;
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many fingerprints for one index: " + total);
        }
        long[] all = new long[(int) total];
        int p = 0;
        for (long[] fps : perDoc) {
            System.arraycopy(fps, 0, all, p, fps.length);
            p += fps.length;
        }
        Arrays.sort(all);
        long[] ignoredSorted = Fingerprinter.sortedUnique(ignored == null ? new long[0] : ignored);

        // Distinct fingerprints with their document frequency; drop boilerplate.
        long[] keys = new long[all.length];
        int[] freq = new int[all.length];
        int kept = 0;
        int suppressed = 0;
        long[] frequent = new long[16];
        int frequentCount = 0;
        int ig = 0;
        for (int i = 0; i < all.length; ) {
            long h = all[i];
            int j = i + 1;
            while (j < all.length && all[j] == h) {
                j++;
            }
            while (ig < ignoredSorted.length && ignoredSorted[ig] < h) {
                ig++;
            }
            boolean isIgnored = ig < ignoredSorted.length && ignoredSorted[ig] == h;
            if (isIgnored || j - i > maxDocFrequency) {
                suppressed++;
                if (!isIgnored) {
                    if (frequent.length == frequentCount) {
                        frequent = Arrays.copyOf(frequent, frequentCount * 2);
                    }
                    frequent[frequentCount++] = h;
                }
            } else {
                keys[kept] = h;
                freq[kept] = j - i;
                kept++;
            }
            i = j;
        }
        all = null;
        keys = Arrays.copyOf(keys, kept);

        // Values: the document itself when unique, else -(offset + 1) into postings (count, docs...).
        int[] values = new int[kept];
        int postingsSize = 0;
        for (int i = 0; i < kept; i++) {
            if (freq[i] > 1) {
                values[i] = -(postingsSize + 1);
                postingsSize += 1 + freq[i];
            }
        }
        int[] postings = new int[postingsSize];
        int directoryBits = directoryBits(kept);
        int[] directory = buildDirectory(keys, directoryBits);
        int shift = 64 - directoryBits;
        for (d = 0; d < docCount; d++) {
            for (long h : perDoc[d]) {
                int slot = find(keys, directory, shift, h);
                if (slot < 0) {
                    continue;
                }
                if (freq[slot] == 1) {
                    values[slot] = d;
                } else {
                    int base = -values[slot] - 1;
                    postings[base + 1 + postings[base]++] = d;
                }
            }
        }
        long[] boilerplate = Arrays.copyOf(ignoredSorted, ignoredSorted.length + frequentCount);
        System.arraycopy(frequent, 0, boilerplate, ignoredSorted.length, frequentCount);
        return new FingerprintIndex(keys, values, postings, directory, directoryBits, ids, titles, levels, lengths,
                suppressed, Fingerprinter.sortedUnique(boilerplate));
    }

    /**
     * Calls {@code sink} with the index of each registered document holding fingerprint {@code hash}
     * and returns how many there were (0 when the fingerprint is unknown or suppressed).
     */
    public int lookup(long hash, DocumentSink sink) {
        int slot = find(keys, directory, directoryShift, hash);
        if (slot < 0) {
            return 0;
        }
        int v = values[slot];
        if (v >= 0) {
            sink.accept(v, slot);
            return 1;
        }
        int base = -v - 1;
        int count = postings[base];
        for (int i = 0; i < count; i++) {
            sink.accept(postings[base + 1 + i], slot);
        }
        return count;
    }

    /**
     * True when {@code hash} is boilerplate: in the ignored (background) set or in more registered
     * documents than the limit. The detector does not count characters covered only by boilerplate
     * n-grams as matched.
     */
    public boolean isBoilerplate(long hash) {
        return Arrays.binarySearch(boilerplate, hash) >= 0;
    }

    /** Receives lookup results: a document index and the fingerprint's slot (a dense id of the fingerprint). */
    @FunctionalInterface
    public interface DocumentSink {
        void accept(int documentIndex, int fingerprintSlot);
    }

    /** Number of registered documents (document indexes run from 0 to this, exclusive). */
    public int documentCount() {
        return ids.length;
    }

    /** Distinct fingerprints indexed (after boilerplate suppression). */
    public int fingerprintCount() {
        return keys.length;
    }

    /** Distinct fingerprints dropped as boilerplate (too frequent or in the background corpus). */
    public int suppressedCount() {
        return suppressed;
    }

    public long documentId(int documentIndex) {
        return ids[documentIndex];
    }

    public String title(int documentIndex) {
        return titles[documentIndex];
    }

    public Level level(int documentIndex) {
        return levels[documentIndex];
    }

    /** Normalised length (kept chars) of the registered text. */
    public int textLength(int documentIndex) {
        return textLengths[documentIndex];
    }

    /** Approximate heap bytes held by the index's arrays (document titles counted at 2 bytes a char). */
    public long sizeInBytes() {
        long bytes = 8L * keys.length + 4L * values.length + 4L * postings.length + 4L * directory.length
                + 8L * boilerplate.length;
        bytes += 8L * ids.length + 4L * textLengths.length + 8L * levels.length + 8L * titles.length;
        for (String t : titles) {
            bytes += 40 + 2L * t.length();
        }
        return bytes;
    }

    private static int directoryBits(int keyCount) {
        // Two to four keys per directory slot: a lookup reads one slot and a few neighbouring keys, and
        // the directory stays under a third of the keys' size.
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, keyCount)) - 2;
        return Math.max(4, Math.min(24, bits));
    }

    private static int[] buildDirectory(long[] keys, int bits) {
        int size = 1 << bits;
        int[] dir = new int[size + 1];
        int shift = 64 - bits;
        int k = 0;
        for (int b = 0; b < size; b++) {
            dir[b] = k;
            while (k < keys.length && bucket(keys[k], shift, bits) == b) {
                k++;
            }
        }
        dir[size] = keys.length;
        return dir;
    }

    /** Bucket of a key: its top bits, offset so that signed key order equals bucket order. */
    private static int bucket(long key, int shift, int bits) {
        return (int) (key >> shift) + (1 << (bits - 1));
    }

    private static int find(long[] keys, int[] directory, int shift, long hash) {
        int bits = 64 - shift;
        int b = bucket(hash, shift, bits);
        int lo = directory[b];
        int hi = directory[b + 1];
        for (int i = lo; i < hi; i++) {
            long k = keys[i];
            if (k == hash) {
                return i;
            }
            if (k > hash) {
                return -1;
            }
        }
        return -1;
    }
}
