package org.secrecyguard.selfcheck;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.fingerprint.RegisteredDocument;
import org.secrecyguard.engine.keyword.KeywordRule;
import org.secrecyguard.rules.RuleSnapshot;

/**
 * What a verdict depends on, as a set of items (one per marking level, keyword rule and registered
 * document, plus the detector code version, the deployment key and whether pictures are read) and a
 * digest of them. Policy, popup texts, USB allow-list and calendar are not in it: a rules update that
 * only changes those re-checks nothing. Items are digests and ids, never terms or text.
 *
 * @param key   SHA-256 of the sorted items; what each index row records
 * @param items the items
 */
public record RulesKey(String key, Set<String> items) {
    public RulesKey {
        items = Set.copyOf(items);
    }

    /** The key of a rule set checked by detector code of {@code codeVersion}, reading pictures or not. */
    public static RulesKey of(RuleSnapshot snapshot, String codeVersion, boolean ocr) {
        Set<String> items = common(codeVersion, ocr);
        items.add("key:" + sha256(snapshot.deploymentKey()));
        items.add("fpscheme:" + snapshot.fingerprintScheme());
        for (Level level : snapshot.markingLevels()) {
            items.add("marking:" + level.name());
        }
        for (KeywordRule k : snapshot.keywords()) {
            items.add("kw:" + k.id() + "|" + k.level() + "|" + k.length() + "|" + k.prefilter() + "|"
                    + HexFormat.of().formatHex(k.digest()) + "|" + k.prefilterLength() + "|" + k.prefilterOffset());
        }
        for (RegisteredDocument d : snapshot.documents()) {
            StringBuilder fp = new StringBuilder();
            for (long f : d.fingerprints()) {
                fp.append(f).append(',');
            }
            items.add("fp:" + d.id() + "|" + d.level() + "|" + sha256(fp.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return new RulesKey(digest(items), items);
    }

    /** The built-in baseline rules (markings of every level). */
    public static RulesKey baseline(String codeVersion, boolean ocr) {
        Set<String> items = common(codeVersion, ocr);
        items.add("baseline");
        for (Level level : Level.values()) {
            items.add("marking:" + level.name());
        }
        return new RulesKey(digest(items), items);
    }

    /**
     * True when these rules can only find less than {@code older} did: every item here was there
     * (keywords, documents or levels removed). A file that was clean under {@code older} is then
     * clean under these too and need not be read again; a flagged one must be.
     */
    public boolean onlyRemovesFrom(Set<String> olderItems) {
        return olderItems.containsAll(items);
    }

    private static Set<String> common(String codeVersion, boolean ocr) {
        Set<String> items = new TreeSet<>();
        items.add("code:" + codeVersion);
        items.add("ocr:" + ocr);
        return items;
    }

    private static String digest(Set<String> items) {
        return sha256(String.join("\n", new TreeSet<>(items)).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
