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
 * <p>What this does not protect against: a PC holds both the key and the rules, so someone with both can
 * test guesses (a dictionary attack). That is inherent to matching locally; the hashing keeps the rule
 * bundle itself, and the rules database copied alone, from naming the terms.
 */
final class KeywordKey {
    static final int PREFILTER_BITS = 22;
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
