package org.secrecyguard.rules;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * Signed rule bundles: the one file IT publishes and every agent checks before use.
 *
 * <p>A bundle is a zip in {@link CanonicalZip canonical layout} holding, in this order,
 * {@code manifest.json} (version, created, issuer, size and SHA-256 of each entry),
 * {@code manifest.sig} (Ed25519 over the exact manifest bytes) and {@code rules.db} (a consistent copy
 * of the rules database made with {@code VACUUM INTO}). {@link #verify} refuses it unless every check
 * passes; nothing partial is ever returned.
 */
public final class RuleBundle {
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String DATABASE = "rules.db";
    private static final int SIGNATURE_BYTES = 64;

    private RuleBundle() {
    }

    /**
     * Makes a bundle of the store's current rules as version {@code version} and records that version in
     * the store. The output appears atomically (written beside it, then renamed), so agents polling a
     * share never read half a file.
     *
     * @throws RulesException when {@code version} is not newer than the store's last bundled version
     */
    public static BundleManifest create(RuleStore store, long version, String issuer, PrivateKey key, Path out)
            throws IOException {
        long previous = store.info().version();
        String slot = store.selfCheckSchedule().orElse(null);
        if (slot != null) {
            try {
                RuleStore.canonicalSlot(slot);
            } catch (IllegalArgumentException e) {
                // Agents would ignore it (and log it): refuse here, where the office can fix it.
                throw new RulesException("the rules' self-check schedule \"" + slot + "\" is not valid (" + e.getMessage()
                        + "); set it with: rules selfcheck set \"MON 12:30\", or remove it with: rules selfcheck clear", e);
            }
        }
        if (version <= previous) {
            throw new RulesException("version " + version + " is not newer than the last bundled version " + previous
                    + "; agents would refuse it (use " + (previous + 1) + " or more)");
        }
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory(dir, ".bundle-");
        try {
            Path db = work.resolve(DATABASE);
            store.copyTo(db);
            try (RuleStore copy = RuleStore.open(db)) {
                copy.setVersion(version, issuer == null ? "" : issuer);
            }
            BundleManifest manifest = write(db, version, issuer, key, work.resolve("bundle.tmp"));
            try {
                Files.move(work.resolve("bundle.tmp"), out, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // some network file systems: a reader may then see a partial file, which it rejects and re-reads
                Files.move(work.resolve("bundle.tmp"), out, StandardCopyOption.REPLACE_EXISTING);
            }
            store.setVersion(version, issuer);
            return manifest;
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Signs and writes a bundle around an existing database file, without checking that file (the
     * caller made it). Package-private: tests use it to craft bundles with damaged databases.
     */
    static BundleManifest write(Path db, long version, String issuer, PrivateKey key, Path out) throws IOException {
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, version, Instant.now().toString(),
                issuer == null ? "" : issuer,
                Map.of(DATABASE, new BundleManifest.EntryDigest(Files.size(db), hex(sha256(db)))));
        byte[] json = manifest.toJson();
        byte[] sig = sign(json, key);
        try (OutputStream os = Files.newOutputStream(out)) {
            CanonicalZip.write(List.of(CanonicalZip.Source.of(MANIFEST, json), CanonicalZip.Source.of(SIGNATURE, sig),
                    CanonicalZip.Source.of(DATABASE, db)), os);
        }
        return manifest;
    }

    static byte[] sign(byte[] data, PrivateKey key) {
        try {
            Signature s = Signature.getInstance(SigningKeys.ALGORITHM);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new RulesException("cannot sign with this key (Ed25519 private key expected): " + e.getMessage(), e);
        }
    }

    /**
     * Checks a bundle completely: layout, size limits, signature against the pinned key, every entry's
     * size and hash, and the database's integrity and schema. An older schema is upgraded in the copy.
     *
     * @param workDir where the database is copied (same file system as the rules folder, so that applying
     *                it is a rename)
     * @throws BundleRejectedException with the reason, at the first failed check
     */
    public static VerifiedBundle verify(Path bundle, PublicKey pinnedKey, BundleLimits limits, Path workDir)
            throws IOException {
        long size = Files.size(bundle);
        if (size > limits.maxBundleBytes()) {
            throw new BundleRejectedException(RejectReason.TOO_LARGE,
                    "bundle is " + size + " bytes, over the limit of " + limits.maxBundleBytes());
        }
        List<CanonicalZip.Entry> entries = CanonicalZip.read(bundle, limits.maxManifestBytes(), workDir);
        Path db = null;
        boolean ok = false;
        try {
            for (CanonicalZip.Entry e : entries) {
                if (e.copiedTo() != null) {
                    if (db != null || !DATABASE.equals(e.name())) {
                        throw new BundleRejectedException(RejectReason.TOO_LARGE, "entry " + e.name() + " is over "
                                + limits.maxManifestBytes() + " bytes");
                    }
                    db = e.copiedTo();
                }
            }
            List<String> names = entries.stream().map(CanonicalZip.Entry::name).toList();
            if (!names.contains(SIGNATURE) && names.contains(MANIFEST)) {
                throw new BundleRejectedException(RejectReason.UNSIGNED, "bundle is not signed (no " + SIGNATURE + ")");
            }
            if (!names.equals(List.of(MANIFEST, SIGNATURE, DATABASE))) {
                throw new BundleRejectedException(RejectReason.MALFORMED,
                        "bundle must hold exactly " + MANIFEST + ", " + SIGNATURE + ", " + DATABASE + "; it holds " + names);
            }
            byte[] json = entries.get(0).bytes();
            byte[] sig = entries.get(1).bytes();
            if (sig == null || sig.length != SIGNATURE_BYTES || !signatureValid(json, sig, pinnedKey)) {
                throw new BundleRejectedException(RejectReason.BAD_SIGNATURE,
                        "signature does not match the pinned public key (tampered, or signed with another key)");
            }
            BundleManifest manifest = BundleManifest.parse(json);
            if (!manifest.entries().keySet().equals(java.util.Set.of(DATABASE))) {
                throw new BundleRejectedException(RejectReason.MALFORMED, "manifest lists " + manifest.entries().keySet()
                        + ", expected [" + DATABASE + "]");
            }
            CanonicalZip.Entry dbEntry = entries.get(2);
            BundleManifest.EntryDigest expected = manifest.entries().get(DATABASE);
            if (expected == null || expected.sha256() == null) {
                throw new BundleRejectedException(RejectReason.MALFORMED, "manifest gives no hash for " + DATABASE);
            }
            if (expected.size() != dbEntry.size() || !MessageDigest.isEqual(
                    HexFormat.of().parseHex(expected.sha256()), dbEntry.sha256())) {
                throw new BundleRejectedException(RejectReason.HASH_MISMATCH, DATABASE + " does not match the signed manifest");
            }
            if (db == null) {
                // small enough to have been read into memory: write it out for SQLite
                db = Files.createTempFile(workDir, "entry-", ".tmp");
                Files.write(db, dbEntry.bytes());
            }
            RuleSnapshot snapshot = checkDatabase(db, manifest);
            ok = true;
            return new VerifiedBundle(manifest, db, snapshot);
        } catch (IllegalArgumentException e) {
            throw new BundleRejectedException(RejectReason.MALFORMED, "manifest is not valid: " + e.getMessage(), e);
        } finally {
            if (!ok) {
                for (CanonicalZip.Entry e : entries) {
                    if (e.copiedTo() != null) {
                        Files.deleteIfExists(e.copiedTo());
                    }
                }
                if (db != null) {
                    Files.deleteIfExists(db);
                }
            }
        }
    }

    private static RuleSnapshot checkDatabase(Path db, BundleManifest manifest) {
        String integrity = integrity(db);
        if (!"ok".equals(integrity)) {
            throw new BundleRejectedException(RejectReason.CORRUPT_DATABASE,
                    "database in the bundle is damaged: " + integrity);
        }
        RuleSnapshot snapshot;
        try (RuleStore store = RuleStore.open(db)) {
            snapshot = store.loadSnapshot();
        } catch (RulesException e) {
            throw new BundleRejectedException(RejectReason.SCHEMA, "database in the bundle is not usable: "
                    + e.getMessage(), e);
        }
        if (snapshot.info().version() != manifest.version()) {
            throw new BundleRejectedException(RejectReason.MALFORMED, "database says version "
                    + snapshot.info().version() + " but the manifest says " + manifest.version());
        }
        return snapshot;
    }

    private static String integrity(Path db) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check(1)")) {
            return rs.next() ? rs.getString(1) : "no answer";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static boolean signatureValid(byte[] data, byte[] sig, PublicKey key) {
        try {
            Signature s = Signature.getInstance(SigningKeys.ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static byte[] sha256(Path file) throws IOException {
        MessageDigest md = CanonicalZip.sha256();
        byte[] buf = new byte[1 << 16];
        try (var in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return md.digest();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temp folder left behind is harmless
                }
            });
        } catch (IOException ignored) {
            // nothing to clean
        }
    }
}
