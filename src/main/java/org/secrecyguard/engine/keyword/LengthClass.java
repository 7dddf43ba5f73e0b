package org.secrecyguard.engine.keyword;

import java.util.List;

/**
 * The lookup tables for all rules of one term length: a bitset over the top bits of the prefilter
 * (sized at about 128 bits per rule, so a random window passes it well under 1 % of the time and the
 * bitsets of all lengths together stay in the L1/L2 cache), then the exact prefilters sorted for a
 * binary search, each pointing at its rules.
 */
final class LengthClass {
    private static final int MIN_BITS_LOG2 = 10;

    final int length;
    /** B^length: removes the char that leaves a window of this length. */
    final long pow;
    /** Right shift from a 64-bit window hash to a bitset index. */
    final int shift;
    final long[] bits;
    /** Prefilters of this class's rules, ascending; {@code ruleIndex[i]} is the rule of {@code prefilters[i]}. */
    final int[] prefilters;
    final int[] ruleIndex;

    LengthClass(int length, long base, List<KeywordRule> allRules, int[] members) {
        this.length = length;
        long p = 1;
        for (int i = 0; i < length; i++) {
            p *= base;
        }
        this.pow = p;
        int log2 = Math.max(MIN_BITS_LOG2, 64 - Long.numberOfLeadingZeros(members.length * 128L - 1));
        log2 = Math.min(log2, KeywordKey.PREFILTER_BITS);
        this.shift = 64 - log2;
        this.bits = new long[Math.max(1, (1 << log2) / 64)];
        long[] sorted = new long[members.length];
        for (int i = 0; i < members.length; i++) {
            long pf = allRules.get(members[i]).prefilter();
            sorted[i] = (pf << 32) | members[i];
            int idx = (int) (pf >>> (KeywordKey.PREFILTER_BITS - log2));
            bits[idx >>> 6] |= 1L << idx;
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

    int bitsetBytes() {
        return bits.length * 8;
    }
}
