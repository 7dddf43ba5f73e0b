package org.secrecyguard.policy;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The admin PIN that IT sets to allow stopping or pausing protection, stored only as a PBKDF2 hash
 * (JDK built-in PBKDF2WithHmacSHA256, random 16-byte salt). Format of the stored value:
 * {@code pbkdf2-sha256:ITERATIONS:SALT_BASE64:HASH_BASE64}. Verification takes constant time with
 * respect to the hash compare.
 */
public final class AdminPin {
    public static final int ITERATIONS = 210_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    /** Shortest PIN IT may set. */
    public static final int MIN_LENGTH = 6;

    private AdminPin() {
    }

    /** Hashes a new PIN for the configuration file. */
    public static String hash(char[] pin) {
        if (pin.length < MIN_LENGTH) {
            throw new IllegalArgumentException("the admin PIN needs at least " + MIN_LENGTH + " characters");
        }
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return format(ITERATIONS, salt, derive(pin, salt, ITERATIONS));
    }

    /** True when {@code pin} matches the stored hash; false for a malformed or empty stored value. */
    public static boolean verify(char[] pin, String stored) {
        if (stored == null || stored.isBlank()) {
            return false;
        }
        String[] parts = stored.trim().split(":");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1_000 || salt.length < 8 || expected.length == 0) {
                return false;
            }
            byte[] actual = derive(pin, salt, iterations);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a stored value has the hash format (used to tell "no PIN configured" from "broken"). */
    public static boolean isWellFormed(String stored) {
        return stored != null && stored.trim().startsWith(PREFIX + ":") && stored.trim().split(":").length == 4;
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK 8+", e);
        } finally {
            spec.clearPassword();
        }
    }
}
