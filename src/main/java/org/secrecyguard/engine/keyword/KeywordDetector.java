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
 * while one running prefix hash is kept for it; from that, the keyed rolling hash of any window is one
 * multiply and one subtract, whatever its length. Then one sweep per term length (not per term) looks
 * each window's hash up in that length's small table ({@link LengthClass}); only a window that passes the
 * table is compared with the exact 22-bit prefilters, and only a window whose prefilter equals a rule's
 * is confirmed with HMAC-SHA256 against the rule's digest. Nothing is allocated per char; work per char
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
    /** Key-form chars probed per block (up to twice this); the block buffers stay a few tens of KB, in cache. */
    private static final int BLOCK = 1024;

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

    /** Bytes of prefilter tables probed in the hot loop (the part that should stay in cache). */
    public int tableBytes() {
        int sum = 0;
        for (LengthClass lc : classes) {
            sum += lc.tableBytes();
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

    /**
     * Appends the key-form chars of {@code raw[0, len)} to the block and extends the prefix hash; returns
     * the new block length. Kept small and static so that the JIT compiles it as one tight loop.
     */
    private static int appendKeyChars(char[] raw, int len, int offset, char[] chars, int[] position, int[] hash,
                                      int n, int base, int spread) {
        int running = hash[n]; // in a register: the hash chain is the serial part of this loop
        for (int j = 0; j < len; j++) {
            char c = raw[j];
            if (KeywordText.isKeyChar(c)) {
                chars[n] = c;
                position[n] = offset + j;
                running = running * base + c * spread;
                hash[++n] = running;
            }
        }
        return n;
    }

    /**
     * The hot loop: for every window start in [from, last], the window's hash from the prefix hashes, its
     * top bits as an index into the table, and on an occupied slot the tag check. Starts that pass go to
     * {@code candidates}; returns how many. No calls inside, so the JIT unrolls it.
     */
    private static int sweep(int[] hash, int from, int last, LengthClass lc, int[] candidates) {
        final int length = lc.length;
        final int pow = lc.pow;
        final int shift = lc.shift;
        final int tagShift = lc.tagShift;
        final int tagMask = lc.tagMask;
        final byte[] table = lc.table;
        int found = 0;
        for (int s = from; s <= last; s++) {
            int w = hash[s + length] - hash[s] * pow;
            int slot = table[w >>> shift];
            if (slot != LengthClass.EMPTY
                    && (slot == LengthClass.AMBIGUOUS || slot == (((w >>> tagShift) & tagMask) | 0xFFFFFF80))) {
                candidates[found++] = s;
            }
        }
        return found;
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
        private final int block;
        /** Raw normalised chars copied out of the segment's String, one chunk at a time. */
        private final char[] raw;
        /** Key-form chars of the current block, with the last maxLength-1 of the previous in front. */
        private final char[] chars;
        /** Index in the normalised text of each key-form char (for the word-boundary check). */
        private final int[] position;
        /** hash[i] = rolling hash of chars[0, i); a window's hash is hash[e] - hash[s]·B^(e-s). */
        private final int[] hash;
        /** Window starts that passed a table, collected so that the sweep itself stays call-free. */
        private final int[] candidates;
        private Mac mac;
        private Segment segment;
        private NormalizedText normalized;

        Scan(int block, Consumer<Finding> out) {
            this.out = out;
            this.block = Math.max(block, maxLength); // so that a block always holds more than the carry-over
            // A block is probed once it holds at least `block` key chars; one chunk adds at most `block`.
            int capacity = 2 * this.block + maxLength;
            this.raw = new char[this.block];
            this.chars = new char[capacity];
            this.position = new int[capacity];
            this.hash = new int[capacity + 1];
            this.candidates = new int[capacity];
        }

        void segment(Segment seg, NormalizedText text) {
            this.segment = seg;
            this.normalized = text;
            String s = text.text();
            int n = 0;
            hash[0] = 0; // an earlier segment's carry-over may have left a value here
            boolean first = true;
            for (int start = 0; start < s.length(); start += raw.length) {
                int len = Math.min(raw.length, s.length() - start);
                s.getChars(start, start + len, raw, 0);
                n = appendKeyChars(raw, len, start, chars, position, hash, n, key.base, key.spread);
                if (n >= block) {
                    probe(n, first);
                    first = false;
                    n = carry(n);
                }
            }
            if (n > 0) {
                probe(n, first);
            }
        }

        /** Probes every window that fits in chars[0, n) and was not probed before, one length at a time. */
        private void probe(int n, boolean first) {
            for (LengthClass lc : classes) {
                int from = first ? 0 : maxLength - lc.length;
                int found = sweep(hash, from, n - lc.length, lc, candidates);
                for (int i = 0; i < found; i++) {
                    int s = candidates[i];
                    confirm(lc, s, hash[s + lc.length] - hash[s] * lc.pow);
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

        private void confirm(LengthClass lc, int s, int windowHash) {
            int prefilter = KeywordKey.prefilterOf(windowHash);
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
