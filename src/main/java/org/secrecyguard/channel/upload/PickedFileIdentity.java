package org.secrecyguard.channel.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import org.secrecyguard.platform.FileAccessGate.FileIdentity;

/**
 * The identity under which an override lets a picked file through for a minute
 * ({@link org.secrecyguard.onaccess.OverrideGrants}, shared with the fanotify guard). Java reports no
 * file key on Windows, so the path (without case, as NTFS compares names) stands for the inode; size
 * and modification time make an edited file a new one, judged again.
 */
final class PickedFileIdentity {
    private PickedFileIdentity() {
    }

    static FileIdentity of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        byte[] name = file.toAbsolutePath().toString().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        long hash = 1125899906842597L; // 64-bit string hash: a collision would need two paths in one minute
        for (byte b : name) {
            hash = 31 * hash + b;
        }
        return new FileIdentity(-1, hash, a.size(), a.lastModifiedTime().toMillis() * 1_000_000L);
    }
}
