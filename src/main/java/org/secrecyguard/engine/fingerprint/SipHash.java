package org.secrecyguard.engine.fingerprint;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed 64-bit pseudo-random function. Without the
 * 128-bit key, its outputs reveal nothing about the input, which is what lets the rules database
 * hold fingerprints of classified text without holding the text. It is also fast on the short
 * inputs we feed it (one n-gram of a few characters).
 */
final class SipHash {
    private final long k0;
    private final long k1;

    /** @param key at least 16 bytes; the first 16 are the SipHash key (little-endian words) */
    SipHash(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("SipHash needs a 16-byte key");
        }
        this.k0 = readLong(key, 0);
        this.k1 = readLong(key, 8);
    }

    /** SipHash-2-4 of arbitrary bytes (reference form, used for test vectors). */
    long hash(byte[] data) {
        State s = new State(k0, k1);
        int blocks = data.length / 8;
        for (int i = 0; i < blocks; i++) {
            s.compress(readLong(data, i * 8));
        }
        long last = ((long) data.length & 0xFF) << 56;
        for (int i = blocks * 8, shift = 0; i < data.length; i++, shift += 8) {
            last |= (data[i] & 0xFFL) << shift;
        }
        s.compress(last);
        return s.finish();
    }

    /**
     * SipHash-2-4 of {@code len} chars of {@code text} from {@code start}, taken as UTF-16LE bytes
     * (equal to {@code hash(text.substring(start, start + len).getBytes(UTF_16LE))}), without
     * allocating: four chars fill one 64-bit block.
     */
    long hash(char[] text, int start, int len) {
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        int i = start;
        int end = start + len;
        while (end - i >= 4) {
            long m = text[i] | ((long) text[i + 1] << 16) | ((long) text[i + 2] << 32) | ((long) text[i + 3] << 48);
            i += 4;
            v3 ^= m;
            for (int r = 0; r < 2; r++) {
                v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
                v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
                v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
                v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
            }
            v0 ^= m;
        }
        long m = ((long) (len * 2) & 0xFF) << 56;
        for (int shift = 0; i < end; i++, shift += 16) {
            m |= (long) text[i] << shift;
        }
        v3 ^= m;
        for (int r = 0; r < 2; r++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        v0 ^= m;
        v2 ^= 0xFF;
        for (int r = 0; r < 4; r++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFFL);
        }
        return v;
    }

    /** The four-word state of the reference form. */
    private static final class State {
        long v0;
        long v1;
        long v2;
        long v3;

        State(long k0, long k1) {
            v0 = k0 ^ 0x736f6d6570736575L;
            v1 = k1 ^ 0x646f72616e646f6dL;
            v2 = k0 ^ 0x6c7967656e657261L;
            v3 = k1 ^ 0x7465646279746573L;
        }

        void compress(long m) {
            v3 ^= m;
            round();
            round();
            v0 ^= m;
        }

        long finish() {
            v2 ^= 0xFF;
            round();
            round();
            round();
            round();
            return v0 ^ v1 ^ v2 ^ v3;
        }

        private void round() {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
    }
}
