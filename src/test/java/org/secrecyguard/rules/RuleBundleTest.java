package org.secrecyguard.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Level;

class RuleBundleTest {
    private static final KeyPair KEYS = SigningKeys.generate();
    private static final KeyPair OTHER_KEYS = SigningKeys.generate();

    @TempDir
    Path dir;
    Path work;
    Path db;

    @BeforeEach
    void setUp() throws Exception {
        work = Files.createDirectories(dir.resolve("work"));
        db = dir.resolve("rules.db");
        try (RuleStore store = RuleStore.create(db)) {
            store.addKeywords(List.of(TestRules.keyword(store.deploymentKey(), Level.SECRET, "青龙")));
            store.addDocument("通知", Level.SECRET, 3000, TestRules.fingerprints(1, 2000));
        }
    }

    private Path bundle(long version) throws Exception {
        Path out = dir.resolve("bundle-" + version + ".zip");
        try (RuleStore store = RuleStore.open(db)) {
            RuleBundle.create(store, version, "XX县保密办", KEYS.getPrivate(), out);
        }
        return out;
    }

    private BundleRejectedException rejected(Path bundle) {
        return assertThrows(BundleRejectedException.class,
                () -> RuleBundle.verify(bundle, KEYS.getPublic(), BundleLimits.DEFAULT, work));
    }

    @Test
    void signedBundleVerifiesAndCarriesTheRules() throws Exception {
        Path b = bundle(3);
        VerifiedBundle v = RuleBundle.verify(b, KEYS.getPublic(), BundleLimits.DEFAULT, work);
        try {
            assertEquals(3, v.manifest().version());
            assertEquals("XX县保密办", v.manifest().issuer());
            assertEquals(3, v.snapshot().info().version());
            assertEquals(1, v.snapshot().keywords().size());
            assertArrayEquals(TestRules.fingerprints(1, 2000), v.snapshot().documents().get(0).fingerprints());
        } finally {
            v.discard();
        }
        assertFalse(Files.exists(v.database()));
        try (RuleStore store = RuleStore.open(db)) {
            assertEquals(3, store.info().version(), "the source database remembers the published version");
        }
    }

    @Test
    void bundleIsAnOrdinaryZipWithExactlyTheThreeEntries() throws Exception {
        try (ZipFile zip = new ZipFile(bundle(1).toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(e -> e.getName()).toList();
            assertEquals(List.of(RuleBundle.MANIFEST, RuleBundle.SIGNATURE, RuleBundle.DATABASE), names);
            String manifest = new String(zip.getInputStream(zip.getEntry(RuleBundle.MANIFEST)).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(manifest.contains("\"sha256\""), manifest);
        }
    }

    @Test
    void refusesToBundleAVersionThatIsNotNewer() throws Exception {
        bundle(5);
        RulesException e = assertThrows(RulesException.class, () -> bundle(5));
        assertTrue(e.getMessage().contains("not newer"));
    }

    @Test
    void anySingleFlippedByteIsRejected() throws Exception {
        byte[] good = Files.readAllBytes(bundle(2));
        // Every byte of the zip structure and of the signature, every fifth byte of the manifest (all its bytes
        // are covered by the same signature check) and an even spread through the database.
        int dbStart = indexOf(good, "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII));
        int centralDirectory = ByteBuffer.wrap(good, good.length - 6, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertTrue(dbStart > 0 && centralDirectory > dbStart);
        TreeSet<Integer> positions = new TreeSet<>();
        int manifestStart = 30 + RuleBundle.MANIFEST.length();
        int manifestEnd = manifestStart + ByteBuffer.wrap(good, 22, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        for (int i = 0; i < dbStart; i++) {
            if (i < manifestStart || i >= manifestEnd || i % 5 == 0) {
                positions.add(i);
            }
        }
        for (int i = centralDirectory; i < good.length; i++) {
            positions.add(i);
        }
        for (int i = 0; i < 100; i++) {
            positions.add(dbStart + (int) ((long) (centralDirectory - dbStart) * i / 100));
        }
        Path tampered = dir.resolve("tampered.zip");
        List<Integer> accepted = new ArrayList<>();
        for (int pos : positions) {
            byte[] bad = good.clone();
            bad[pos] ^= 0x01;
            Files.write(tampered, bad);
            try {
                RuleBundle.verify(tampered, KEYS.getPublic(), BundleLimits.DEFAULT, work).discard();
                accepted.add(pos);
            } catch (BundleRejectedException expected) {
                // the point
            }
        }
        assertEquals(List.of(), accepted, "bundles with one flipped byte were accepted");
        try (var files = Files.list(work)) {
            assertEquals(0, files.count(), "rejections leave no temp files behind");
        }
    }

    @Test
    void bundleSignedWithAnotherKeyIsRejected() throws Exception {
        Path out = dir.resolve("other.zip");
        try (RuleStore store = RuleStore.open(db)) {
            RuleBundle.create(store, 1, "someone", OTHER_KEYS.getPrivate(), out);
        }
        assertEquals(RejectReason.BAD_SIGNATURE, rejected(out).reason());
    }

    @Test
    void unsignedBundleIsRejected() throws Exception {
        Path copy = copyOfDb();
        BundleManifest m = RuleBundle.write(copy, 1, "x", KEYS.getPrivate(), dir.resolve("ignored.zip"));
        Path unsigned = dir.resolve("unsigned.zip");
        try (OutputStream os = Files.newOutputStream(unsigned)) {
            CanonicalZip.write(List.of(CanonicalZip.Source.of(RuleBundle.MANIFEST, m.toJson()),
                    CanonicalZip.Source.of(RuleBundle.DATABASE, copy)), os);
        }
        assertEquals(RejectReason.UNSIGNED, rejected(unsigned).reason());
    }

    @Test
    void extraEntryIsRejectedEvenWithAValidSignature() throws Exception {
        Path copy = copyOfDb();
        BundleManifest m = RuleBundle.write(copy, 1, "x", KEYS.getPrivate(), dir.resolve("ignored.zip"));
        byte[] json = m.toJson();
        Path extra = dir.resolve("extra.zip");
        try (OutputStream os = Files.newOutputStream(extra)) {
            CanonicalZip.write(List.of(CanonicalZip.Source.of(RuleBundle.MANIFEST, json),
                    CanonicalZip.Source.of(RuleBundle.SIGNATURE, RuleBundle.sign(json, KEYS.getPrivate())),
                    CanonicalZip.Source.of(RuleBundle.DATABASE, copy),
                    CanonicalZip.Source.of("payload.exe", new byte[] {1, 2, 3})), os);
        }
        assertEquals(RejectReason.MALFORMED, rejected(extra).reason());
    }

    @Test
    void truncatedBundleIsRejected() throws Exception {
        byte[] good = Files.readAllBytes(bundle(1));
        Path cut = dir.resolve("cut.zip");
        for (int len : new int[] {0, 10, good.length / 2, good.length - 1}) {
            Files.write(cut, Arrays.copyOf(good, len));
            assertEquals(RejectReason.MALFORMED, rejected(cut).reason(), "cut at " + len);
        }
    }

    @Test
    void trailingBytesAreRejected() throws Exception {
        byte[] good = Files.readAllBytes(bundle(1));
        Path longer = dir.resolve("longer.zip");
        Files.write(longer, Arrays.copyOf(good, good.length + 1));
        assertEquals(RejectReason.MALFORMED, rejected(longer).reason());
    }

    @Test
    void bundleOverTheSizeLimitIsRejectedBeforeReading() throws Exception {
        Path b = bundle(1);
        BundleLimits tight = new BundleLimits(Files.size(b) - 1, 64 << 10);
        BundleRejectedException e = assertThrows(BundleRejectedException.class,
                () -> RuleBundle.verify(b, KEYS.getPublic(), tight, work));
        assertEquals(RejectReason.TOO_LARGE, e.reason());
    }

    @Test
    void signedBundleWithADamagedDatabaseIsRejected() throws Exception {
        Path copy = copyOfDb();
        byte[] bytes = Files.readAllBytes(copy);
        // Overwrite a b-tree page in the middle of the file (pages are 4 KiB) with garbage.
        int page = 4096 * (bytes.length / 4096 / 2);
        for (int i = page; i < page + 4096 && i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(copy, bytes);
        Path b = dir.resolve("corrupt.zip");
        RuleBundle.write(copy, 1, "x", KEYS.getPrivate(), b);
        assertEquals(RejectReason.CORRUPT_DATABASE, rejected(b).reason());
    }

    @Test
    void signedBundleWithSomethingOtherThanARulesDatabaseIsRejected() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other)) {
            c.createStatement().execute("CREATE TABLE keyword (plain_text TEXT)");
        }
        Path b = dir.resolve("schema.zip");
        RuleBundle.write(other, 1, "x", KEYS.getPrivate(), b);
        assertEquals(RejectReason.SCHEMA, rejected(b).reason());
    }

    @Test
    void manifestVersionMustMatchTheDatabase() throws Exception {
        Path copy = copyOfDb();
        try (RuleStore s = RuleStore.open(copy)) {
            s.setVersion(4, "x");
        }
        Path b = dir.resolve("mismatch.zip");
        RuleBundle.write(copy, 9, "x", KEYS.getPrivate(), b);
        assertEquals(RejectReason.MALFORMED, rejected(b).reason());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private Path copyOfDb() {
        Path copy = dir.resolve("copy-" + System.nanoTime() + ".db");
        try (RuleStore store = RuleStore.open(db)) {
            store.copyTo(copy);
        }
        try (RuleStore s = RuleStore.open(copy)) {
            s.setVersion(1, "x");
        }
        return copy;
    }
}
