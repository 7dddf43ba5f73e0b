package org.secrecyguard.channel;

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
import java.util.function.Predicate;

/**
 * Files being written, held until they stop changing: a copy of a large file sends many change
 * notices, and a file must be judged whole, once. Each file carries a tag from the channel (the drive
 * it is on, the chat application it belongs to). Not thread-safe (the channel's thread owns it).
 *
 * @param <T> what the channel knows about where the file is
 */
public final class SettlingFiles<T> {
    /** A file that stopped changing, with its tag. */
    public record Settled<T>(Path file, T tag) {
    }

    private record Seen<T>(T tag, long size, long modified, Instant since) {
    }

    private final Duration settle;
    private final Map<Path, Seen<T>> pending = new LinkedHashMap<>();

    public SettlingFiles(Duration settle) {
        this.settle = settle;
    }

    /** Notes that {@code file} was created or written. */
    public void touched(Path file, T tag, Instant now) {
        pending.put(file, new Seen<>(tag, -1, -1, now));
    }

    /** Forgets the files whose tag matches (a drive that went away). */
    public void forget(Predicate<T> which) {
        pending.values().removeIf(s -> which.test(s.tag()));
    }

    public int size() {
        return pending.size();
    }

    /** The files whose size and modification time have not changed for the settle time; they leave the list. */
    public List<Settled<T>> settled(Instant now) {
        List<Settled<T>> out = new ArrayList<>();
        Iterator<Map.Entry<Path, Seen<T>>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Path, Seen<T>> e = it.next();
            Seen<T> seen = e.getValue();
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
                e.setValue(new Seen<>(seen.tag(), attrs.size(), modified, now));
            } else if (!now.isBefore(seen.since().plus(settle))) {
                out.add(new Settled<>(e.getKey(), seen.tag()));
                it.remove();
            }
        }
        return out;
    }
}
