package org.secrecyguard.scan;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files under the folders a user copied, dropped or plugged in, within one set of limits for every
 * caller (clipboard file lists, a drive's inventory, the file-check window): at most {@value #MAX_FILES}
 * files, {@value #MAX_DEPTH} folders deep, links not followed, the folders operating systems keep on
 * drives for themselves skipped. What is left out is said, never silently dropped.
 */
public final class FolderWalk {
    /** Files checked at most per walk; the rest is reported as not checked. */
    public static final int MAX_FILES = 2_000;
    static final int MAX_DEPTH = 32;
    /** Listing a huge folder is itself work: a newest-first walk stops looking well past what it keeps. */
    static final int MAX_LISTED = 10 * MAX_FILES;
    private static final Set<String> SYSTEM_FOLDERS = Set.of("system volume information", "$recycle.bin",
            "lost+found", ".spotlight-v100", ".fseventsd", ".trashes");

    /**
     * @param files      the files to check, in the order to check them
     * @param truncated  true when more files were there than {@link #MAX_FILES}
     * @param unreadable true when some folder could not be read
     */
    public record Listing(List<Path> files, boolean truncated, boolean unreadable) {
        public Listing {
            files = List.copyOf(files);
        }

        /** What the listing left out, for a log note ("" when nothing). */
        public String note() {
            List<String> notes = new ArrayList<>();
            if (truncated) {
                notes.add("more than " + MAX_FILES + " files, rest not checked");
            }
            if (unreadable) {
                notes.add("folder not fully readable");
            }
            return String.join("; ", notes);
        }
    }

    private FolderWalk() {
    }

    /** The files of {@code roots} (files and missing paths as they are, folders walked) in a stable order. */
    public static Listing of(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        boolean[] unreadable = {false};
        boolean truncated = false;
        for (Path root : roots) {
            if (files.size() > MAX_FILES) {
                break;
            }
            if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                List<Path> found = new ArrayList<>();
                walk(root, MAX_FILES + 1 - files.size(), found, null, unreadable);
                found.sort(Comparator.naturalOrder());
                files.addAll(found);
            } else {
                files.add(root); // a file, or one that is gone: the scan says which
            }
        }
        if (files.size() > MAX_FILES) {
            truncated = true;
            files = files.subList(0, MAX_FILES);
        }
        return new Listing(files, truncated, unreadable[0]);
    }

    /** The files under {@code root}, most recently changed first (what was just brought in matters most). */
    public static Listing newestFirst(Path root) {
        List<Path> files = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        boolean[] unreadable = {false};
        walk(root, MAX_LISTED, files, times, unreadable);
        Integer[] order = new Integer[files.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(times.get(b), times.get(a)));
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_FILES, order.length); i++) {
            out.add(files.get(order[i]));
        }
        return new Listing(out, files.size() > MAX_FILES, unreadable[0]);
    }

    private static void walk(Path root, int limit, List<Path> files, List<Long> times, boolean[] unreadable) {
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path name = dir.getFileName();
                    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
                    return !dir.equals(root) && (SYSTEM_FOLDERS.contains(lower) || lower.startsWith(".trash-"))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.add(file);
                        if (times != null) {
                            times.add(attrs.lastModifiedTime().toMillis());
                        }
                    }
                    return files.size() >= limit ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    unreadable[0] = true;
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            unreadable[0] = true;
        }
    }
}
