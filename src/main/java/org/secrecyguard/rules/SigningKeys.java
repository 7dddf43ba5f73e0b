package org.secrecyguard.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

/**
 * Ed25519 signing keys for rule bundles, with the JDK's own crypto. The private key (PKCS#8) stays with
 * the secrecy office; the public key (X.509 SubjectPublicKeyInfo) is pinned on every agent at install.
 * Both are written as PEM; readers also accept bare base64 or DER.
 */
public final class SigningKeys {
    public static final String ALGORITHM = "Ed25519";

    private SigningKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks Ed25519", e);
        }
    }

    /**
     * Writes PREFIX.key (readable by the owner only where the file system allows) and PREFIX.pub.
     * Refuses to overwrite either file: losing a signing key in use would lock every agent out.
     *
     * @return the two paths, private key first
     */
    public static List<Path> write(KeyPair pair, Path prefix) throws IOException {
        Path key = Path.of(prefix + ".key");
        Path pub = Path.of(prefix + ".pub");
        for (Path p : List.of(key, pub)) {
            if (Files.exists(p)) {
                throw new FileAlreadyExistsException(p.toString(), null, "refusing to overwrite a key file");
            }
        }
        writeOwnerOnly(key, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        return List.of(key, pub);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            Files.createFile(file, ownerOnly);
        } else {
            Files.createFile(file);
            restrictAcl(file);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    /** On Windows: an ACL with the owner alone, before the key is written into the file. */
    private static void restrictAcl(Path file) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (view == null) {
            return;
        }
        UserPrincipal owner = view.getOwner();
        AclEntry entry = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build();
        view.setAcl(List.of(entry));
    }

    public static PrivateKey readPrivate(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(decode(file, "PRIVATE KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new RulesException("not an Ed25519 private key (PKCS#8): " + file);
        }
    }

    public static PublicKey readPublic(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new RulesException("not an Ed25519 public key (X.509): " + file);
        }
    }

    /** Parses a public key from PEM or base64 text (e.g. from the installer's configuration). */
    public static PublicKey parsePublic(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(
                    new X509EncodedKeySpec(Base64.getMimeDecoder().decode(stripPem(text))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new RulesException("not an Ed25519 public key (X.509)");
        }
    }

    /** The public key as PEM text. */
    public static String toPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    private static byte[] decode(Path file, String type) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        String text = new String(raw, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN ")) {
            if (!text.contains("-----BEGIN " + type + "-----")) {
                throw new RulesException(file + " holds a PEM block that is not a " + type.toLowerCase());
            }
            return Base64.getMimeDecoder().decode(stripPem(text));
        }
        String trimmed = text.strip();
        if (trimmed.matches("[A-Za-z0-9+/=\\s]+")) {
            return Base64.getMimeDecoder().decode(trimmed);
        }
        return raw;
    }

    private static String stripPem(String text) {
        return text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").strip();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
