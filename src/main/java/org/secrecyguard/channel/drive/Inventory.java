package org.secrecyguard.channel.drive;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files on a drive that was just plugged in, in the order the guard checks them: the most recently
 * changed first (what was just brought in matters most), within a count and a total size, skipping the
 * folders operating systems keep on drives for themselves.
 */
final class Inventory {
    /** Files checked at most per plug-in; the rest is left (health and the log say so). */
    static final int MAX_FILES = 2_000;
    /** How long one drive's inventory may run in all. */
    static final Duration BUDGET = Duration.ofMinutes(10);
    private static final Set<String> SYSTEM_FOLDERS = Set.of("system volume information", "$recycle.bin",
            "lost+found", ".spotlight-v100", ".fseventsd", ".trashes");

    private Inventory() {
    }

    /** Up to {@link #MAX_FILES} regular files under {@code root}, newest first; true in the flag when more exist. */
    static List<Path> files(Path root, boolean[] truncated) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        int[] seen = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString().toLowerCase(Locale.ROOT);
                return !dir.equals(root) && (SYSTEM_FOLDERS.contains(name) || name.startsWith(".trash-"))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    seen[0]++;
                    files.add(file);
                    times.add(attrs.lastModifiedTime().toMillis());
                }
                // Walking a huge drive is itself work: stop listing well past what will be checked.
                return seen[0] >= 10 * MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        Integer[] order = new Integer[files.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(times.get(b), times.get(a)));
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_FILES, order.length); i++) {
            out.add(files.get(order[i]));
        }
        truncated[0] = seen[0] > MAX_FILES;
        return out;
    }
}
