package org.secrecyguard.channel.drive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.secrecyguard.platform.RemovableVolume;

/**
 * Files being written to a drive, held until they stop changing: a copy of a large file sends many
 * change notices, and a file must be judged whole, once. Not thread-safe (the guard's thread owns it).
 */
final class SettlingFiles {
    /** A file that stopped changing, with the volume it is on. */
    record Settled(Path file, RemovableVolume volume) {
    }

    private record Seen(RemovableVolume volume, long size, long modified, Instant since) {
    }

    private final Duration settle;
    private final Map<Path, Seen> pending = new LinkedHashMap<>();

    SettlingFiles(Duration settle) {
        this.settle = settle;
    }

    /** Notes that {@code file} was created or written. */
    void touched(Path file, RemovableVolume volume, Instant now) {
        pending.put(file, new Seen(volume, -1, -1, now));
    }

    /** Forgets the files of a volume that went away. */
    void forget(RemovableVolume volume) {
        pending.values().removeIf(s -> s.volume().equals(volume));
    }

    int size() {
        return pending.size();
    }

    /** The files whose size and modification time have not changed for the settle time; they leave the list. */
    List<Settled> settled(Instant now) {
        List<Settled> out = new ArrayList<>();
        Iterator<Map.Entry<Path, Seen>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Path, Seen> e = it.next();
            Seen seen = e.getValue();
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(e.getKey(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException gone) {
                it.remove(); // deleted, renamed or the drive was pulled
                continue;
            }
            if (!attrs.isRegularFile()) {
                it.remove();
                continue;
            }
            long modified = attrs.lastModifiedTime().toMillis();
            if (attrs.size() != seen.size() || modified != seen.modified()) {
                e.setValue(new Seen(seen.volume(), attrs.size(), modified, now));
            } else if (!now.isBefore(seen.since().plus(settle))) {
                out.add(new Settled(e.getKey(), seen.volume()));
                it.remove();
            }
        }
        return out;
    }
}
