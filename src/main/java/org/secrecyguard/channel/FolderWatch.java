package org.secrecyguard.channel;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches every folder under one root (a drive, a chat application's file store) for files being
 * created or written, through the JDK's WatchService (inotify on Linux, ReadDirectoryChangesW on
 * Windows). New folders are watched as they appear, with the files already in them (a copied folder
 * arrives whole). Not thread-safe: the owning channel's thread uses it.
 */
public final class FolderWatch implements Closeable {
    /** Folders watched per root at most; a tree with more is watched in part ({@link #truncated()}). */
    public static final int MAX_FOLDERS = 4_000;

    private final Path root;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private boolean truncated;

    private FolderWatch(Path root, WatchService service) {
        this.root = root;
        this.service = service;
    }

    /** Starts watching {@code root} and every folder under it. */
    public static FolderWatch open(Path root) throws IOException {
        FolderWatch w = new FolderWatch(root, root.getFileSystem().newWatchService());
        try {
            w.watchTree(root, null);
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
        return w;
    }

    public Path root() {
        return root;
    }

    /** True when the tree has more folders than are watched. */
    public boolean truncated() {
        return truncated;
    }

    /** Files created or written since the last call, without waiting; new folders' files included. */
    public List<Path> drain() {
        Set<Path> changed = new LinkedHashSet<>();
        WatchKey key;
        while ((key = service.poll()) != null) {
            Path folder = folders.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (folder == null) {
                    continue;
                }
                if (event.kind() == OVERFLOW) {
                    // Events were lost: everything in this folder may have changed.
                    listFiles(folder, changed);
                    continue;
                }
                Path path = folder.resolve((Path) event.context());
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        watchTree(path, changed);
                    } catch (IOException e) {
                        truncated = true; // a folder removed while being walked; its files are gone too
                    }
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    changed.add(path);
                }
            }
            if (!key.reset()) {
                folders.remove(key);
            }
        }
        return new ArrayList<>(changed);
    }

    /** Registers {@code top} and the folders under it; adds the files found when {@code files} is given. */
    private void watchTree(Path top, Set<Path> files) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (folders.size() >= MAX_FOLDERS) {
                    truncated = true;
                    return FileVisitResult.SKIP_SUBTREE;
                }
                folders.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY), dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (files != null && attrs.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // unreadable entries (permissions) are skipped, not fatal
            }
        });
    }

    private static void listFiles(Path folder, Set<Path> out) {
        try (var stream = Files.list(folder)) {
            stream.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(out::add);
        } catch (IOException e) {
            // the folder went away with the drive
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing left to release
        }
        folders.clear();
    }
}
