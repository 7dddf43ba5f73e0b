package org.secrecyguard.engine.keyword;

import java.util.Arrays;
import java.util.List;

/**
 * The lookup tables for all rules whose prefilter covers the same number of leading chars (the window
 * the detector slides for them): one class per short term length below the anchor, one for every term
 * of anchor length or more, and one per length for rules hashed before anchors.
 *
 * <p>First a byte table indexed by the top bits of the window hash (about 128 slots per rule, at most
 * 32 KB, so that the tables of all classes together stay in the L2 cache and a random window hits an
 * occupied slot about 1 % of the time). An occupied slot holds a 7-bit tag of the next prefilter bits,
 * which rejects all but about 1 in 128 of those hits without leaving the hot loop; a slot shared by
 * rules with different tags is marked ambiguous. Then the exact prefilters, sorted for a binary search
 * (by prefilter, then anchor offset and term length), each with its rule, the rule's term length and
 * where in the term its window starts.
 */
final class WindowClass {
    static final byte EMPTY = 0;
    /** Slot shared by rules with different tags: every hit is a candidate. */
    static final byte AMBIGUOUS = 1;
    private static final int MIN_SLOTS_LOG2 = 10;
    /** 32 KB per class: larger tables fall out of L2 and cost more than the extra hits (5,000 rules). */
    private static final int MAX_SLOTS_LOG2 = 15;
    private static final int MAX_TAG_BITS = 7;

    /** Chars the window (and the prefilter) covers. */
    final int window;
    /** Most chars from a window's start to its term's end: a window is confirmed once these follow it. */
    final int after;
    /** Most chars a term starts before its window. */
    final int before;
    /** B^window (mod 2^32): removes the char that leaves a window of this length. */
    final int pow;
    /** Right shift from a 32-bit window hash to a table index. */
    final int shift;
    /** Right shift and mask from a 32-bit window hash to its tag. */
    final int tagShift;
    final int tagMask;
    /** Per slot: {@link #EMPTY}, {@link #AMBIGUOUS}, or {@code 0x80 | tag} (negative as a byte). */
    final byte[] table;
    /**
     * Prefilters of this class's rules, ascending; entry i is rule {@code ruleIndex[i]}, a term of
     * {@code termLength[i]} chars starting {@code offset[i]} chars before the window.
     */
    final int[] prefilters;
    final int[] ruleIndex;
    final int[] termLength;
    final int[] offset;

    WindowClass(int window, int base, List<KeywordRule> allRules, int[] members) {
        this.window = window;
        int p = 1;
        for (int i = 0; i < window; i++) {
            p *= base;
        }
        this.pow = p;
        int log2 = Math.max(MIN_SLOTS_LOG2, 64 - Long.numberOfLeadingZeros(members.length * 128L - 1));
        log2 = Math.min(log2, MAX_SLOTS_LOG2);
        int tagBits = Math.min(MAX_TAG_BITS, KeywordKey.PREFILTER_BITS - log2);
        this.shift = 32 - log2;
        this.tagShift = shift - tagBits;
        this.tagMask = (1 << tagBits) - 1;
        this.table = new byte[1 << log2];
        long[][] sorted = new long[members.length][];
        int maxAfter = window;
        int maxBefore = 0;
        for (int i = 0; i < members.length; i++) {
            KeywordRule rule = allRules.get(members[i]);
            int pf = (int) rule.prefilter();
            sorted[i] = new long[] {pf, rule.prefilterOffset(), rule.length(), members[i]};
            maxAfter = Math.max(maxAfter, rule.length() - rule.prefilterOffset());
            maxBefore = Math.max(maxBefore, rule.prefilterOffset());
            int idx = pf >>> (KeywordKey.PREFILTER_BITS - log2);
            byte tagged = tagBits == 0 ? AMBIGUOUS : (byte) (0x80 | ((pf >>> (KeywordKey.PREFILTER_BITS - log2 - tagBits)) & tagMask));
            table[idx] = table[idx] == EMPTY || table[idx] == tagged ? tagged : AMBIGUOUS;
        }
        this.after = maxAfter;
        this.before = maxBefore;
        Arrays.sort(sorted, Arrays::compare);
        this.prefilters = new int[members.length];
        this.offset = new int[members.length];
        this.termLength = new int[members.length];
        this.ruleIndex = new int[members.length];
        for (int i = 0; i < sorted.length; i++) {
            prefilters[i] = (int) sorted[i][0];
            offset[i] = (int) sorted[i][1];
            termLength[i] = (int) sorted[i][2];
            ruleIndex[i] = (int) sorted[i][3];
        }
    }

    /** Index of the first entry with this prefilter, or -1. */
    int first(int prefilter) {
        int lo = 0;
        int hi = prefilters.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (prefilters[mid] < prefilter) {
                lo = mid + 1;
            } else {
                if (prefilters[mid] == prefilter) {
                    found = mid;
                }
                hi = mid - 1;
            }
        }
        return found;
    }

    int tableBytes() {
        return table.length;
    }
}
