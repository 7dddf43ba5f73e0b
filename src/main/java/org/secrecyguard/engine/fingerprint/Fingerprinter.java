package org.secrecyguard.engine.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.text.NormalizedText;
import org.secrecyguard.engine.text.TextNormalizer;

/**
 * Turns text into keyed fingerprints: normalise (see {@link TextNormalizer}), keep letters and digits
 * only (digits folded to '0'), take every character n-gram, hash it with SipHash-2-4 under a key derived from the deployment
 * key, and winnow (Schleimer, Wilkerson and Aiken, SIGMOD 2003) to keep one hash per window.
 *
 * <p>Winnowing guarantees that any run of at least {@code window + ngram - 1} kept characters shared
 * by two texts yields at least one shared fingerprint. Registration stores only the winnowed hashes;
 * detection looks up every n-gram hash of the scanned text ({@link #gramHashes}), which finds each
 * registered fingerprint wherever its n-gram appears, whatever surrounds it.
 *
 * <p>Because the hash is keyed, the stored fingerprints reveal no text to someone without the
 * deployment key, and two deployments' databases cannot be compared. Immutable and thread-safe.
 */
public final class Fingerprinter {
    /** Characters per n-gram; chosen by measurement on OCR output (docs/benchmarks.md, "Fingerprints"). */
    public static final int DEFAULT_NGRAM = 8;
    /** Winnowing window in n-grams; chosen with {@link #DEFAULT_NGRAM}. */
    public static final int DEFAULT_WINDOW = 6;

    private static final String KEY_LABEL = "SecrecyGuard fingerprint n-gram key v1";
    private static final char[] KEEP = buildKeepTable();

    private final SipHash sip;
    private final int ngram;
    private final int window;

    /** A fingerprinter with the default n-gram size and window. */
    public Fingerprinter(byte[] deploymentKey) {
        this(deploymentKey, DEFAULT_NGRAM, DEFAULT_WINDOW);
    }

    /**
     * @param deploymentKey the database's random key (at least 16 bytes); the n-gram key is derived
     *                      from it with HMAC-SHA256 so that keywords and fingerprints never share a key
     * @param ngram         characters per n-gram (2..32)
     * @param window        winnowing window in n-grams (1..256)
     */
    public Fingerprinter(byte[] deploymentKey, int ngram, int window) {
        if (deploymentKey == null || deploymentKey.length < 16) {
            throw new IllegalArgumentException("the deployment key must have at least 16 bytes");
        }
        if (ngram < 2 || ngram > 32) {
            throw new IllegalArgumentException("n-gram size must be 2..32, was " + ngram);
        }
        if (window < 1 || window > 256) {
            throw new IllegalArgumentException("window must be 1..256, was " + window);
        }
        this.sip = new SipHash(deriveKey(deploymentKey));
        this.ngram = ngram;
        this.window = window;
    }

    public int ngram() {
        return ngram;
    }

    public int window() {
        return window;
    }

    /**
     * Names the fingerprint scheme and its parameters. A store keeps it next to the fingerprints:
     * fingerprints made under another scheme never match and must be registered again.
     */
    public String scheme() {
        return "siphash24-winnow-k" + ngram + "-w" + window + "-v1";
    }

    /** The kept characters of {@code text} after normalisation; source indexes point into {@code text}. */
    public FingerprintText prepare(String text) {
        NormalizedText normalized = TextNormalizer.normalize(text);
        FingerprintText kept = prepare(normalized);
        int[] index = kept.sourceIndexes();
        for (int i = 0; i < kept.length(); i++) {
            index[i] = normalized.originOf(index[i]);
        }
        return kept;
    }

    /**
     * The kept characters of already normalised text (as held by {@code DocumentText}); source indexes
     * point into the normalised text.
     */
    public FingerprintText prepare(NormalizedText text) {
        int n = text.length();
        char[] chars = new char[n];
        int[] index = new int[n];
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = KEEP[text.charAt(i)];
            if (c != 0) {
                chars[len] = c;
                index[len] = i;
                len++;
            }
        }
        return new FingerprintText(chars, len, index);
    }

    /**
     * The keyed hash of every n-gram: element {@code i} is the hash of kept chars {@code i .. i+ngram-1}.
     * Empty when the text is shorter than one n-gram.
     */
    public long[] gramHashes(FingerprintText text) {
        int count = text.length() - ngram + 1;
        if (count <= 0) {
            return new long[0];
        }
        char[] chars = text.chars();
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            hashes[i] = sip.hash(chars, i, ngram);
        }
        return hashes;
    }

    /**
     * Winnowing: the positions of the hashes it selects, ascending. In each window of {@code window}
     * consecutive hashes the minimum is selected (the rightmost one on ties), each position once.
     * A text with fewer hashes than one window gives its single minimum.
     */
    public int[] winnow(long[] hashes) {
        int n = hashes.length;
        if (n == 0) {
            return new int[0];
        }
        int w = Math.min(window, n);
        int[] deque = new int[n];
        int head = 0;
        int tail = 0;
        int[] picked = new int[n];
        int count = 0;
        int last = -1;
        for (int i = 0; i < n; i++) {
            while (tail > head && hashes[deque[tail - 1]] >= hashes[i]) {
                tail--;
            }
            deque[tail++] = i;
            if (deque[head] <= i - w) {
                head++;
            }
            if (i >= w - 1 && deque[head] != last) {
                last = deque[head];
                picked[count++] = last;
            }
        }
        return Arrays.copyOf(picked, count);
    }

    /** The fingerprints to register for {@code text}: its winnowed hashes, sorted, without repeats. */
    public long[] fingerprints(String text) {
        return fingerprints(prepare(text));
    }

    /** Same as {@link #fingerprints(String)} for prepared text. */
    public long[] fingerprints(FingerprintText text) {
        long[] hashes = gramHashes(text);
        int[] picked = winnow(hashes);
        long[] out = new long[picked.length];
        for (int i = 0; i < picked.length; i++) {
            out[i] = hashes[picked[i]];
        }
        return sortedUnique(out);
    }

    /** Every n-gram hash of {@code text}, sorted, without repeats (used for the background corpus). */
    public long[] allHashes(String text) {
        return sortedUnique(gramHashes(prepare(text)));
    }

    /** Fingerprints {@code text} into a record ready to store or index. */
    public RegisteredDocument register(long id, String title, Level level, String text) {
        FingerprintText prepared = prepare(text);
        return new RegisteredDocument(id, title, level, prepared.length(), fingerprints(prepared));
    }

    static long[] sortedUnique(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        int n = 0;
        for (int i = 0; i < copy.length; i++) {
            if (i == 0 || copy[i] != copy[n - 1]) {
                copy[n++] = copy[i];
            }
        }
        return n == copy.length ? copy : Arrays.copyOf(copy, n);
    }

    private static byte[] deriveKey(byte[] deploymentKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(deploymentKey, "HmacSHA256"));
            return mac.doFinal(KEY_LABEL.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * What each normalised char becomes: letters (Han included) and letter-numbers such as 〇 stay,
     * every decimal digit becomes '0', and everything else (punctuation, symbols, line breaks) is
     * dropped (0). Folding digits makes dates, document numbers and phone numbers look alike, so a
     * few lines of the background corpus suppress all of them, and it absorbs OCR's digit confusions;
     * the characters around a number still identify the sentence.
     */
    private static char[] buildKeepTable() {
        char[] keep = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isDigit(c)) {
                keep[c] = '0';
            } else if (Character.isLetter(c) || Character.getType(c) == Character.LETTER_NUMBER
                    || Character.isSurrogate((char) c)) {
                keep[c] = (char) c;
            }
        }
        return keep;
    }
}
