package org.secrecyguard.engine.keyword;

import java.util.List;

/**
 * The lookup tables for all rules of one term length. First a byte table indexed by the top bits of the
 * window hash (about 128 slots per rule, at most 32 KB, so that the tables of all lengths together stay
 * in the L2 cache and a random window hits an occupied slot about 1 % of the time). An occupied slot
 * holds a 7-bit tag of the next prefilter bits, which rejects all but about 1 in 128 of those hits
 * without leaving the hot loop; a slot shared by rules with different tags is marked ambiguous. Then the
 * exact prefilters, sorted for a binary search, each pointing at its rule.
 */
final class LengthClass {
    static final byte EMPTY = 0;
    /** Slot shared by rules with different tags: every hit is a candidate. */
    static final byte AMBIGUOUS = 1;
    private static final int MIN_SLOTS_LOG2 = 10;
    /** 32 KB per length: larger tables fall out of L2 and cost more than the extra hits (5,000 rules). */
    private static final int MAX_SLOTS_LOG2 = 15;
    private static final int MAX_TAG_BITS = 7;

    final int length;
    /** B^length (mod 2^32): removes the char that leaves a window of this length. */
    final int pow;
    /** Right shift from a 32-bit window hash to a table index. */
    final int shift;
    /** Right shift and mask from a 32-bit window hash to its tag. */
    final int tagShift;
    final int tagMask;
    /** Per slot: {@link #EMPTY}, {@link #AMBIGUOUS}, or {@code 0x80 | tag} (negative as a byte). */
    final byte[] table;
    /** Prefilters of this class's rules, ascending; {@code ruleIndex[i]} is the rule of {@code prefilters[i]}. */
    final int[] prefilters;
    final int[] ruleIndex;

    LengthClass(int length, int base, List<KeywordRule> allRules, int[] members) {
        this.length = length;
        int p = 1;
        for (int i = 0; i < length; i++) {
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
        long[] sorted = new long[members.length];
        for (int i = 0; i < members.length; i++) {
            int pf = (int) allRules.get(members[i]).prefilter();
            sorted[i] = ((long) pf << 32) | members[i];
            int idx = pf >>> (KeywordKey.PREFILTER_BITS - log2);
            byte tagged = tagBits == 0 ? AMBIGUOUS : (byte) (0x80 | ((pf >>> (KeywordKey.PREFILTER_BITS - log2 - tagBits)) & tagMask));
            table[idx] = table[idx] == EMPTY || table[idx] == tagged ? tagged : AMBIGUOUS;
        }
        java.util.Arrays.sort(sorted);
        this.prefilters = new int[members.length];
        this.ruleIndex = new int[members.length];
        for (int i = 0; i < sorted.length; i++) {
            prefilters[i] = (int) (sorted[i] >>> 32);
            ruleIndex[i] = (int) sorted[i];
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
