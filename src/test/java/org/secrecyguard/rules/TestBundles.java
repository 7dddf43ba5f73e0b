package org.secrecyguard.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;

/** Signed bundles for updater tests; each version's content encodes its version (see {@link TestRules}). */
final class TestBundles {
    static final KeyPair KEYS = SigningKeys.generate();
    static final KeyPair OTHER_KEYS = SigningKeys.generate();

    private final Path dir;

    TestBundles(Path dir) {
        this.dir = dir;
    }

    byte[] signed(long version) {
        return signedWith(version, KEYS.getPrivate());
    }

    byte[] signedWith(long version, PrivateKey key) {
        try {
            Path db = TestRules.databaseForVersion(dir, version);
            Path out = dir.resolve("b" + System.nanoTime() + ".zip");
            RuleBundle.write(db, version, "test office", key, out);
            byte[] bytes = Files.readAllBytes(out);
            Files.delete(out);
            Files.delete(db);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A validly signed bundle whose database has one page overwritten with garbage. */
    byte[] signedWithCorruptDatabase(long version) {
        try {
            Path db = TestRules.databaseForVersion(dir, version);
            byte[] bytes = Files.readAllBytes(db);
            int page = 4096 * (bytes.length / 4096 / 2);
            for (int i = page; i < page + 4096 && i < bytes.length; i++) {
                bytes[i] = (byte) (i * 31);
            }
            Files.write(db, bytes);
            Path out = dir.resolve("c" + System.nanoTime() + ".zip");
            RuleBundle.write(db, version, "test office", KEYS.getPrivate(), out);
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
