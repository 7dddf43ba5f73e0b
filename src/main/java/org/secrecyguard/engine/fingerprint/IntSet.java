package org.secrecyguard.engine.fingerprint;

import java.util.Arrays;

/** A small open-addressing set of non-negative ints (no boxing), for per-scan bookkeeping. */
final class IntSet {
    private int[] slots = new int[16];
    private int size;

    IntSet() {
        Arrays.fill(slots, -1);
    }

    /** Adds {@code value} (must be ≥ 0); true when it was not there yet. */
    boolean add(int value) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = mix(value) & mask;
        while (slots[i] != -1) {
            if (slots[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = value;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        Arrays.fill(slots, -1);
        size = 0;
        for (int v : old) {
            if (v != -1) {
                add(v);
            }
        }
    }

    private static int mix(int v) {
        int h = v * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
