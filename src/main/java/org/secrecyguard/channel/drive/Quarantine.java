package org.secrecyguard.channel.drive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The local folder where files stopped on their way to a drive are kept. Blocking never destroys the
 * user's data: the file is moved here (copied and removed when the drive is another file system), and a
 * justified override moves it back to where it was.
 */
final class Quarantine {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path folder;

    Quarantine(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** Moves {@code file} into the quarantine folder under a new name; returns where it is now. */
    Path take(Path file, Instant now) throws IOException {
        Files.createDirectories(folder);
        String name = STAMP.format(now) + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16)
                + "-" + file.getFileName();
        return Files.move(file, folder.resolve(name));
    }

    /** Moves a quarantined file back; fails rather than replace a file that is there now. */
    void restore(Path quarantined, Path original) throws IOException {
        Files.move(quarantined, original);
    }
}
