package org.secrecyguard.engine.keyword;

import java.util.Objects;
import javax.crypto.Mac;
import org.secrecyguard.engine.Level;

/**
 * Turns a plaintext sensitive term into a {@link KeywordRule} that does not reveal it: the term is
 * brought to the key form the detector sees text in ({@link KeywordText}: normalised width, case,
 * traditional characters and spacing, with line breaks and punctuation ignored, so "天网行动" also matches
 * "天 網·行動" and a term wrapped over two lines), then stored as its length, a 22-bit keyed prefilter of
 * four of its key chars (its anchor, placed where the term is least like ordinary text:
 * {@link AnchorPlacement}) and a keyed HMAC-SHA256 digest of the whole term (see {@link KeywordKey} for
 * why those are safe to ship).
 *
 * <p>Used where IT enters terms (the rules tool); agents only ever see the rules. Thread-safe.
 */
public final class KeywordHasher {
    private final KeywordKey key;

    /** @param deploymentKey the unit's keyword key (at least 16 bytes); agents need the same key */
    public KeywordHasher(byte[] deploymentKey) {
        this.key = new KeywordKey(deploymentKey);
    }

    /** How many leading key chars the prefilter of a term of {@code termLength} key chars covers now. */
    public static int anchorLength(int termLength) {
        return KeywordKey.anchorLength(termLength);
    }

    /**
     * Hashes one term.
     *
     * @throws IllegalArgumentException when the term has fewer than 2 or more than 64 letters, digits or
     *                                  CJK characters once spaces, punctuation and line breaks are left out;
     *                                  the message never repeats the term
     */
    public KeywordRule rule(String id, Level level, String term) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(term, "term");
        String form = KeywordText.keyForm(term);
        if (form.length() < KeywordKey.MIN_LENGTH) {
            throw new IllegalArgumentException("keyword " + id + " is too short: a term needs at least "
                    + KeywordKey.MIN_LENGTH + " letters, digits or Chinese characters"
                    + " (spaces, punctuation and line breaks do not count); it has " + form.length());
        }
        if (form.length() > KeywordKey.MAX_LENGTH) {
            throw new IllegalArgumentException("keyword " + id + " is too long: at most "
                    + KeywordKey.MAX_LENGTH + " letters, digits or Chinese characters; it has " + form.length());
        }
        char[] chars = form.toCharArray();
        int anchor = KeywordKey.anchorLength(chars.length);
        int offset = AnchorPlacement.offset(form, anchor);
        Mac mac = key.newDigestMac();
        int prefilter = KeywordKey.prefilterOf(key.hash(form.substring(offset, offset + anchor)));
        return new KeywordRule(id, level, chars.length, prefilter, KeywordKey.digest(mac, chars, 0, chars.length),
                anchor, offset);
    }
}
