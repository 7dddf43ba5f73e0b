package org.secrecyguard.engine.keyword;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.crypto.Mac;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Evidence;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.TextDetector;
import org.secrecyguard.engine.text.NormalizedText;
import org.secrecyguard.engine.text.TextNormalizer;

/**
 * Finds the sensitive terms of a set of {@link KeywordRule}s in text without knowing the terms.
 *
 * <p>How: each segment's normalised text is brought to key form ({@link KeywordText}) block by block
 * while one running prefix hash is kept for it; from that, the keyed rolling hash of the window ending
 * at any position is one multiply and one subtract for any length. Then one sweep per term length (not
 * per term) probes a small bitset of that length's prefilters. Only a window that passes the bitset is
 * compared with the exact prefilters, and only a window whose 22-bit prefilter matches a rule is
 * confirmed with HMAC-SHA256 against the rule's digest. Nothing is allocated per char; work per char
 * grows with the number of distinct term lengths, not with the number of terms.
 *
 * <p>Matching rules: key form on both sides, so width, case, the normaliser's traditional characters,
 * spaces, line breaks and punctuation do not matter (see {@link KeywordText}); a match never spans two
 * segments; a term whose first (last) char is a Latin letter or digit does not match when the text has
 * a letter or digit right before (after) it, so "arrow" is not found in "narrow". Each rule is reported
 * at most once per document, with evidence = the matched term's first char and the rest masked.
 *
 * <p>Immutable and thread-safe: per-call state (buffers, the Mac) lives in {@link #detect}.
 */
public final class KeywordDetector implements TextDetector {
    /** Key-form chars hashed per block; with carry-over the buffers stay a few tens of KB, in cache. */
    private static final int BLOCK = 2048;

    private final KeywordKey key;
    private final KeywordRule[] rules;
    private final byte[][] digests;
    private final LengthClass[] classes;
    private final int maxLength;

    /**
     * @param deploymentKey the key the rules were hashed with ({@link KeywordHasher}); with another key
     *                      nothing matches
     * @param rules         the rules; their digests are copied
     * @throws IllegalArgumentException when a rule's length, prefilter or digest is out of range
     */
    public KeywordDetector(byte[] deploymentKey, List<KeywordRule> rules) {
        this.key = new KeywordKey(deploymentKey);
        List<KeywordRule> list = List.copyOf(rules);
        this.rules = list.toArray(new KeywordRule[0]);
        this.digests = new byte[this.rules.length][];
        Map<Integer, List<Integer>> byLength = new TreeMap<>();
        for (int i = 0; i < this.rules.length; i++) {
            KeywordRule r = this.rules[i];
            validate(r);
            digests[i] = r.digest().clone();
            byLength.computeIfAbsent(r.length(), l -> new ArrayList<>()).add(i);
        }
        this.classes = new LengthClass[byLength.size()];
        int c = 0;
        int max = 0;
        for (Map.Entry<Integer, List<Integer>> e : byLength.entrySet()) {
            int[] members = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            classes[c++] = new LengthClass(e.getKey(), key.base, list, members);
            max = Math.max(max, e.getKey());
        }
        this.maxLength = max;
    }

    /** Number of rules this detector matches. */
    public int ruleCount() {
        return rules.length;
    }

    /** Number of distinct term lengths: the number of probes per char of text. */
    public int lengthClassCount() {
        return classes.length;
    }

    /** Bytes of prefilter bitsets probed in the hot loop (the part that should stay in cache). */
    public int bitsetBytes() {
        int sum = 0;
        for (LengthClass lc : classes) {
            sum += lc.bitsetBytes();
        }
        return sum;
    }

    @Override
    public void detect(DocumentText document, Consumer<Finding> out) {
        if (classes.length == 0) {
            return;
        }
        int longest = 0;
        for (int i = 0; i < document.size(); i++) {
            longest = Math.max(longest, document.normalized(i).length());
        }
        Scan scan = new Scan(Math.min(longest, BLOCK), out);
        for (int i = 0; i < document.size(); i++) {
            scan.segment(document.segment(i), document.normalized(i));
        }
    }

    private static void validate(KeywordRule r) {
        if (r.id() == null || r.level() == null || r.digest() == null) {
            throw new IllegalArgumentException("keyword rule with a missing id, level or digest");
        }
        if (r.length() < KeywordKey.MIN_LENGTH || r.length() > KeywordKey.MAX_LENGTH) {
            throw new IllegalArgumentException("keyword rule " + r.id() + ": length " + r.length()
                    + " outside " + KeywordKey.MIN_LENGTH + ".." + KeywordKey.MAX_LENGTH);
        }
        if (r.prefilter() < 0 || r.prefilter() >= (1L << KeywordKey.PREFILTER_BITS)) {
            throw new IllegalArgumentException("keyword rule " + r.id() + ": prefilter is not a "
                    + KeywordKey.PREFILTER_BITS + "-bit value");
        }
        if (r.digest().length != KeywordKey.DIGEST_BYTES) {
            throw new IllegalArgumentException("keyword rule " + r.id() + ": digest is not "
                    + KeywordKey.DIGEST_BYTES + " bytes");
        }
    }

    /** The state of one {@link #detect} call: block buffers, reported rules, and a lazily made Mac. */
    private final class Scan {
        private final Consumer<Finding> out;
        private final boolean[] reported = new boolean[rules.length];
        /** Raw normalised chars copied out of the segment's String, one block at a time. */
        private final char[] raw;
        /** Key-form chars of the current block, with the last maxLength-1 of the previous in front. */
        private final char[] chars;
        /** Index in the normalised text of each key-form char (for the word-boundary check). */
        private final int[] position;
        /** hash[i] = rolling hash of chars[0, i); a window's hash is hash[e] - hash[s]·B^(e-s). */
        private final long[] hash;
        private Mac mac;
        private Segment segment;
        private NormalizedText normalized;

        Scan(int block, Consumer<Finding> out) {
            this.out = out;
            int capacity = block + maxLength;
            this.raw = new char[Math.max(1, block)];
            this.chars = new char[capacity];
            this.position = new int[capacity];
            this.hash = new long[capacity + 1];
        }

        void segment(Segment seg, NormalizedText text) {
            this.segment = seg;
            this.normalized = text;
            String s = text.text();
            final long b = key.base;
            final long k = key.spread;
            final char[] rawBuf = raw;
            final char[] kc = chars;
            final int[] pos = position;
            final long[] h = hash;
            final int capacity = kc.length;
            int n = 0;
            boolean first = true;
            for (int start = 0; start < s.length(); start += rawBuf.length) {
                int len = Math.min(rawBuf.length, s.length() - start);
                s.getChars(start, start + len, rawBuf, 0);
                for (int j = 0; j < len; j++) {
                    char c = rawBuf[j];
                    if (!KeywordText.isKeyChar(c)) {
                        continue;
                    }
                    kc[n] = c;
                    pos[n] = start + j;
                    h[n + 1] = h[n] * b + c * k;
                    n++;
                    if (n == capacity) {
                        probe(n, first);
                        first = false;
                        n = carry(n);
                    }
                }
            }
            if (n > 0) {
                probe(n, first);
            }
        }

        /** Probes every window that fits in chars[0, n) and was not probed before, one length at a time. */
        private void probe(int n, boolean first) {
            final long[] h = hash;
            for (LengthClass lc : classes) {
                final int length = lc.length;
                final long pow = lc.pow;
                final int shift = lc.shift;
                final long[] bits = lc.bits;
                final int last = n - length;
                for (int s = first ? 0 : maxLength - length; s <= last; s++) {
                    long w = h[s + length] - h[s] * pow;
                    int idx = (int) (w >>> shift);
                    if ((bits[idx >>> 6] & (1L << idx)) != 0) {
                        confirm(lc, s, w);
                    }
                }
            }
        }

        /** Keeps the last maxLength-1 chars so that windows across the block edge are still probed. */
        private int carry(int n) {
            int keep = maxLength - 1;
            int from = n - keep;
            System.arraycopy(chars, from, chars, 0, keep);
            System.arraycopy(position, from, position, 0, keep);
            System.arraycopy(hash, from, hash, 0, keep + 1);
            return keep;
        }

        private void confirm(LengthClass lc, int s, long windowHash) {
            int prefilter = (int) KeywordKey.prefilterOf(windowHash);
            int i = lc.first(prefilter);
            if (i < 0) {
                return;
            }
            byte[] digest = null;
            for (; i < lc.prefilters.length && lc.prefilters[i] == prefilter; i++) {
                int r = lc.ruleIndex[i];
                if (reported[r]) {
                    continue;
                }
                if (digest == null) {
                    if (!atWordBoundaries(s, lc.length)) {
                        return;
                    }
                    if (mac == null) {
                        mac = key.newDigestMac();
                    }
                    digest = KeywordKey.digest(mac, chars, s, lc.length);
                }
                if (MessageDigest.isEqual(digest, digests[r])) {
                    reported[r] = true;
                    KeywordRule rule = rules[r];
                    out.accept(new Finding(DetectorType.KEYWORD, rule.id(), rule.level(),
                            Evidence.mask(new String(chars, s, lc.length), 1), segment.where()));
                }
            }
        }

        /** A term starting (ending) with a Latin letter or digit must not continue a word of the text. */
        private boolean atWordBoundaries(int s, int length) {
            String original = segment.text();
            if (KeywordText.isAsciiWordChar(chars[s])) {
                int before = normalized.originOf(position[s]) - 1;
                if (before >= 0 && KeywordText.isAsciiWordChar(TextNormalizer.fold(original.charAt(before)))) {
                    return false;
                }
            }
            int end = s + length - 1;
            if (KeywordText.isAsciiWordChar(chars[end])) {
                int after = normalized.originOf(position[end]) + 1;
                if (after < original.length()
                        && KeywordText.isAsciiWordChar(TextNormalizer.fold(original.charAt(after)))) {
                    return false;
                }
            }
            return true;
        }
    }
}
