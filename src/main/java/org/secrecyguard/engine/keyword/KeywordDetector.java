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
 * multiply and one subtract, whatever its length. Then one sweep per window length (not per term) looks
 * each window's hash up in that window's small table ({@link WindowClass}); only a window that passes the
 * table is compared with the exact 22-bit prefilters, and only a window whose prefilter equals a rule's
 * is confirmed with HMAC-SHA256 of the whole term against the rule's digest. A rule's window is what its
 * prefilter covers: the term itself when it is shorter than the 4-char anchor, else four of its chars at
 * a recorded offset ({@link KeywordKey}), so there are at most four sweeps, however the term lengths
 * spread.
 * Nothing is allocated per char; work per char grows with the number of windows, not of terms.
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
    private final WindowClass[] classes;
    /**
     * Key chars carried from one block to the next: enough that a window not yet probed has every term
     * it may belong to, before and after it, in the next block.
     */
    private final int carryOver;

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
        Map<Integer, List<Integer>> byWindow = new TreeMap<>();
        for (int i = 0; i < this.rules.length; i++) {
            KeywordRule r = this.rules[i];
            validate(r);
            digests[i] = r.digest().clone();
            byWindow.computeIfAbsent(r.prefilterLength(), l -> new ArrayList<>()).add(i);
        }
        this.classes = new WindowClass[byWindow.size()];
        int c = 0;
        int carry = 0;
        for (Map.Entry<Integer, List<Integer>> e : byWindow.entrySet()) {
            int[] members = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            WindowClass wc = new WindowClass(e.getKey(), key.base, list, members);
            classes[c++] = wc;
            carry = Math.max(carry, wc.before + wc.after - 1);
        }
        this.carryOver = carry;
    }

    /** Number of rules this detector matches. */
    public int ruleCount() {
        return rules.length;
    }

    /** Number of distinct window lengths: the number of probes per char of text. */
    public int windowClassCount() {
        return classes.length;
    }

    /** Bytes of prefilter tables probed in the hot loop (the part that should stay in cache). */
    public int tableBytes() {
        int sum = 0;
        for (WindowClass wc : classes) {
            sum += wc.tableBytes();
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
    private static int appendKeyChars(char[] raw, int len, char[] chars, int[] hash, int n, int base, int spread) {
        int running = hash[n]; // in a register: the hash chain is the serial part of this loop
        for (int j = 0; j < len; j++) {
            char c = raw[j];
            if (KeywordText.isKeyChar(c)) {
                chars[n] = c;
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
    private static int sweep(int[] hash, int from, int last, WindowClass wc, int[] candidates) {
        final int length = wc.window;
        final int pow = wc.pow;
        final int shift = wc.shift;
        final int tagShift = wc.tagShift;
        final int tagMask = wc.tagMask;
        final byte[] table = wc.table;
        int found = 0;
        for (int s = from; s <= last; s++) {
            int w = hash[s + length] - hash[s] * pow;
            int slot = table[w >>> shift];
            if (slot != WindowClass.EMPTY
                    && (slot == WindowClass.AMBIGUOUS || slot == (((w >>> tagShift) & tagMask) | 0xFFFFFF80))) {
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
        if (r.prefilterLength() < KeywordKey.MIN_LENGTH || r.prefilterOffset() < 0
                || r.prefilterOffset() + r.prefilterLength() > r.length()) {
            throw new IllegalArgumentException("keyword rule " + r.id() + ": prefilter covers "
                    + r.prefilterLength() + " chars from offset " + r.prefilterOffset() + " of a "
                    + r.length() + "-char term");
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
        /** Key-form chars of the current block, with the carry-over of the previous in front. */
        private final char[] chars;
        /** Key-form chars of this segment before chars[0] (the buffer's start in the whole segment). */
        private int bufferBase;
        /**
         * A point in the normalised text where the key chars before it are counted: {@code resolvedKeys}
         * key chars lie before index {@code resolvedIndex}. Where a key char sits in the normalised text
         * is needed only for the rare word-boundary check, so it is found by walking on from here
         * rather than recorded for every char (which cost more than a tenth of the whole scan).
         */
        private int resolvedKeys;
        private int resolvedIndex;
        /** hash[i] = rolling hash of chars[0, i); a window's hash is hash[e] - hash[s]·B^(e-s). */
        private final int[] hash;
        /** Window starts that passed a table, collected so that the sweep itself stays call-free. */
        private final int[] candidates;
        private Mac mac;
        private Segment segment;
        private NormalizedText normalized;

        Scan(int block, Consumer<Finding> out) {
            this.out = out;
            this.block = Math.max(block, carryOver + 1); // so that a block always holds more than the carry-over
            // A block is probed once it holds at least `block` key chars; one chunk adds at most `block`.
            int capacity = 2 * this.block + 1;
            this.raw = new char[this.block];
            this.chars = new char[capacity];
            this.hash = new int[capacity + 1];
            this.candidates = new int[capacity];
        }

        void segment(Segment seg, NormalizedText text) {
            this.segment = seg;
            this.normalized = text;
            int n = 0;
            hash[0] = 0; // an earlier segment's carry-over may have left a value here
            bufferBase = 0;
            resolvedKeys = 0;
            resolvedIndex = 0;
            boolean first = true;
            for (int start = 0; start < text.length(); start += raw.length) {
                int len = Math.min(raw.length, text.length() - start);
                text.getChars(start, start + len, raw, 0);
                n = appendKeyChars(raw, len, chars, hash, n, key.base, key.spread);
                if (n >= block) {
                    probe(n, first, false);
                    first = false;
                    n = carry(n);
                }
            }
            if (n > 0) {
                probe(n, first, true);
            }
        }

        /**
         * Probes every window in chars[0, n) that was not probed before, one window length at a time. A
         * window is probed in the block where every term it may belong to fits after it; in the last
         * block of the segment every window that fits is probed, and only terms that fit are confirmed.
         */
        private void probe(int n, boolean first, boolean last) {
            for (WindowClass wc : classes) {
                int from = first ? 0 : carryOver + 1 - wc.after;
                int found = sweep(hash, from, n - (last ? wc.window : wc.after), wc, candidates);
                for (int i = 0; i < found; i++) {
                    int w = candidates[i];
                    confirm(wc, w, hash[w + wc.window] - hash[w] * wc.pow, n);
                }
            }
        }

        /**
         * Keeps the last {@link #carryOver} chars: a window the next block probes first has its terms'
         * starts among them, and a window this block could not confirm is probed again there.
         */
        private int carry(int n) {
            int keep = carryOver;
            int from = n - keep;
            System.arraycopy(chars, from, chars, 0, keep);
            bufferBase += from;
            System.arraycopy(hash, from, hash, 0, keep + 1);
            return keep;
        }

        /**
         * Confirms the rules whose prefilter the window at {@code w} has: for each term start and length
         * among them that fits in chars[0, n), the word-boundary check and one HMAC of those chars
         * (entries are sorted by offset and length within a prefilter, so each is hashed once).
         */
        private void confirm(WindowClass wc, int w, int windowHash, int n) {
            int prefilter = KeywordKey.prefilterOf(windowHash);
            int i = wc.first(prefilter);
            if (i < 0) {
                return;
            }
            byte[] digest = null;
            int digestStart = -1;
            int digestLength = 0;
            for (; i < wc.prefilters.length && wc.prefilters[i] == prefilter; i++) {
                int r = wc.ruleIndex[i];
                int length = wc.termLength[i];
                int s = w - wc.offset[i];
                if (reported[r] || s < 0 || s + length > n) {
                    continue;
                }
                if (s != digestStart || length != digestLength) {
                    digestStart = s;
                    digestLength = length;
                    digest = null;
                    if (!atWordBoundaries(s, length)) {
                        continue;
                    }
                    if (mac == null) {
                        mac = key.newDigestMac();
                    }
                    digest = KeywordKey.digest(mac, chars, s, length);
                }
                if (digest != null && MessageDigest.isEqual(digest, digests[r])) {
                    reported[r] = true;
                    KeywordRule rule = rules[r];
                    out.accept(new Finding(DetectorType.KEYWORD, rule.id(), rule.level(),
                            Evidence.mask(new String(chars, s, length), 1), segment.where()));
                }
            }
        }

        /**
         * Index in the normalised text of the key char at {@code chars[k]}: walks the normalised text on
         * from the resolved point, and moves that point up to the buffer's start on the way (no later
         * question is about an earlier char), so the walks of a segment cover it about once in all.
         */
        private int indexOf(int k) {
            NormalizedText text = normalized;
            int target = bufferBase + k;
            int keys = resolvedKeys;
            int i = resolvedIndex;
            while (true) {
                if (keys == bufferBase) {
                    resolvedKeys = keys;
                    resolvedIndex = i;
                }
                if (KeywordText.isKeyChar(text.charAt(i))) {
                    if (keys == target) {
                        return i;
                    }
                    keys++;
                }
                i++;
            }
        }

        /** A term starting (ending) with a Latin letter or digit must not continue a word of the text. */
        private boolean atWordBoundaries(int s, int length) {
            if (KeywordText.isAsciiWordChar(chars[s])) {
                int before = normalized.originOf(indexOf(s)) - 1;
                if (before >= 0 && KeywordText.isAsciiWordChar(TextNormalizer.fold(segment.charAt(before)))) {
                    return false;
                }
            }
            int end = s + length - 1;
            if (KeywordText.isAsciiWordChar(chars[end])) {
                int after = normalized.originOf(indexOf(end)) + 1;
                if (after < segment.length()
                        && KeywordText.isAsciiWordChar(TextNormalizer.fold(segment.charAt(after)))) {
                    return false;
                }
            }
            return true;
        }
    }
}
