package org.secrecyguard.engine.keyword;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets both {@link KeywordHasher} and {@link KeywordDetector} derive from the deployment key, and
 * the two hashes they must compute identically.
 *
 * <p>Two independent values are derived (HMAC of fixed labels, so neither reveals the other or the key):
 * the HMAC key for digests, and the base and char multiplier of the prefilter's polynomial rolling
 * hash {@code h = Σ c_i·K·B^(L-1-i) mod 2^32}. The prefilter is the top {@value #PREFILTER_BITS} bits of
 * {@code h}. 32-bit arithmetic because the detector computes one such hash per char and term length;
 * ints halve the hash buffer and made the probe loop measurably faster than longs.
 *
 * <p>Why 22 bits: with a 2-char CJK term (about 2^23.5 plausible pairs of common characters) even a
 * public hash of that width would leave several candidates per value, and since base and multiplier are
 * secret, someone holding the rules database without the key learns nothing from it at all. Yet 22 bits
 * are enough that a random window passes the prefilter with probability (rules of that length) / 2^22, so
 * the HMAC runs only a few thousand times per 50 MB with 1,000 rules.
 *
 * <p>Anchors: the prefilter covers only {@value #ANCHOR_LENGTH} consecutive key chars of a term (the
 * whole term when it is shorter), placed by the hasher where the term is least like ordinary text
 * ({@link AnchorPlacement}). So all terms of {@value #ANCHOR_LENGTH} chars or more share one sliding
 * window and the detector probes at most {@value #ANCHOR_LENGTH} - 1 short lengths plus one anchor
 * length per char, whatever the spread of term lengths. The HMAC digest still covers the whole term.
 * Rules made before anchors (prefilter over the whole term) keep working: a rule says which chars its
 * prefilter covers ({@link KeywordRule#prefilterLength()}, {@link KeywordRule#prefilterOffset()}).
 *
 * <p>What this does not protect against: a PC holds both the key and the rules, so someone with both can
 * test guesses (a dictionary attack). That is inherent to matching locally; the hashing keeps the rule
 * bundle itself, and the rules database copied alone, from naming the terms. What anchors cost against
 * someone with both who brute-forces instead of guessing words: the 22 prefilter bits now narrow
 * {@value #ANCHOR_LENGTH} of its chars instead of the whole term, so a term longer than the anchor is
 * found after about 2^(bits of the term - 22) HMAC computations instead of 2^(bits of the term) cheap
 * prefilter hashes; with about 12 bits per common Chinese character a 6-char term still needs 2^50 HMACs,
 * and terms of up to {@value #ANCHOR_LENGTH} chars are exactly as before. See docs/keyword-rules.md.
 */
final class KeywordKey {
    static final int PREFILTER_BITS = 22;
    /**
     * Key chars the prefilter of a new rule covers. Four: anchors of that length are rare enough in
     * ordinary text that the HMAC behind them runs seldom (1 in 2^22 random windows per rule), and they
     * leave at most three probes for short terms (2 and 3 chars) plus one for everything longer.
     */
    static final int ANCHOR_LENGTH = 4;
    static final int MIN_LENGTH = 2;
    /** Longest term in key-form chars; bounds the carry-over between scan blocks. */
    static final int MAX_LENGTH = 64;
    static final int DIGEST_BYTES = 32;
    static final int MIN_KEY_BYTES = 16;

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec digestKey;
    /** Odd secret base B of the polynomial hash. */
    final int base;
    /** Odd secret multiplier K applied to each char, so that every char reaches the top bits. */
    final int spread;

    KeywordKey(byte[] deploymentKey) {
        if (deploymentKey == null || deploymentKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the keyword deployment key must be at least "
                    + MIN_KEY_BYTES + " bytes (32 random bytes recommended)");
        }
        Mac master = newMac(new SecretKeySpec(deploymentKey, HMAC));
        this.digestKey = new SecretKeySpec(master.doFinal(label("digest")), HMAC);
        ByteBuffer prefilter = ByteBuffer.wrap(master.doFinal(label("prefilter")));
        this.base = prefilter.getInt() | 1;
        this.spread = prefilter.getInt() | 1;
    }

    /** A fresh HMAC instance for digests (Mac is not thread-safe: one per scan call). */
    Mac newDigestMac() {
        return newMac(digestKey);
    }

    /** The full 32-bit rolling hash of a key-form string; the prefilter is its top bits. */
    int hash(CharSequence keyForm) {
        int h = 0;
        for (int i = 0; i < keyForm.length(); i++) {
            h = h * base + keyForm.charAt(i) * spread;
        }
        return h;
    }

    /** How many leading key chars the prefilter of a new rule of {@code termLength} chars covers. */
    static int anchorLength(int termLength) {
        return Math.min(termLength, ANCHOR_LENGTH);
    }

    static int prefilterOf(int hash) {
        return hash >>> (32 - PREFILTER_BITS);
    }

    /** HMAC-SHA256 of the UTF-8 bytes of {@code chars[off, off+len)}. */
    static byte[] digest(Mac mac, char[] chars, int off, int len) {
        mac.update(StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars, off, len)));
        return mac.doFinal();
    }

    private static byte[] label(String purpose) {
        return ("secrecyguard/keyword/" + purpose + "/v1").getBytes(StandardCharsets.US_ASCII);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every Java platform; reaching this means a broken JDK.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
