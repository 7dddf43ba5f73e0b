package org.secrecyguard.selfcheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.secrecyguard.platform.LocalDisks;

/**
 * Folders a self-check does not enter: the system's and installed programs' (as the OS says), the
 * guard's own data folder (its quarantine holds what it already caught), and caches and tool folders
 * whose files nobody writes by hand (package caches, version-control stores, thumbnails).
 */
public final class SkippedFolders {
    static final Set<String> NAMES = Set.of("node_modules", ".cache", ".git", ".svn", ".hg", "__pycache__",
            ".gradle", ".m2", ".npm", ".cargo", ".rustup", ".thumbnails", ".local/share/trash",
            "system volume information", "$recycle.bin", "lost+found", ".spotlight-v100", ".fseventsd", ".trashes");
    private final LocalDisks disks;
    private final List<Path> own;

    /**
     * @param disks what the OS counts as system folders
     * @param own   the guard's own folders (data folder, index) to leave out
     */
    public SkippedFolders(LocalDisks disks, List<Path> own) {
        this.disks = disks;
        this.own = own.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /**
     * True when the walk from {@code root} should not enter {@code dir}. A root itself is always entered,
     * and below a root that is itself a system folder (a user asked to check {@code /opt/files}) the
     * system rule no longer applies: only caches and the guard's own folders are left out there.
     */
    public boolean skips(Path dir, Path root) {
        Path name = dir.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (NAMES.contains(lower) || lower.startsWith(".trash-")) {
            return true;
        }
        Path abs = dir.toAbsolutePath().normalize();
        if (own.stream().anyMatch(abs::startsWith)) {
            return true;
        }
        Path parent = abs.getParent();
        if (parent != null && lower.equals("trash") && parent.getFileName() != null
                && parent.getFileName().toString().equals("share")) {
            return true; // ~/.local/share/Trash
        }
        return disks.isSystemFolder(abs) && !disks.isSystemFolder(root);
    }
}
