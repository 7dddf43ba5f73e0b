package org.secrecyguard.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secrecyguard.platform.LocalDisks;
import org.secrecyguard.platform.PlatformUnavailableException;
import org.secrecyguard.platform.RemovableMedia;
import org.secrecyguard.platform.RemovableVolume;

/**
 * The user's home plus every mounted disk file system that is not the system's (a second disk on
 * {@code /data}, {@code /mnt/d}), read from the mount table; removable volumes come from
 * {@link RemovableMedia} and are only checked when asked for.
 */
public final class LinuxLocalDisks implements LocalDisks {
    /** Top-level folders of the system and of installed programs (FHS), never the user's documents. */
    static final Set<String> SYSTEM_TOP = Set.of("proc", "sys", "dev", "run", "usr", "opt", "bin", "sbin", "lib",
            "lib32", "lib64", "libx32", "etc", "boot", "var", "snap", "tmp", "efi", "lost+found");
    /** File systems that hold files on a disk (pseudo and network file systems are left out). */
    static final Set<String> DISK_TYPES = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "jfs", "reiserfs",
            "vfat", "exfat", "ntfs", "ntfs3", "fuseblk", "zfs");

    private final Path home;
    private final Path mountInfo;
    private final RemovableMedia removable;

    public LinuxLocalDisks(Path home, Path mountInfo, RemovableMedia removable) {
        this.home = home;
        this.mountInfo = mountInfo;
        this.removable = removable;
    }

    /** The running system's view: the user's home and this process's mounts. */
    public static LinuxLocalDisks system() {
        return new LinuxLocalDisks(Path.of(System.getProperty("user.home")), Path.of("/proc/self/mountinfo"),
                LinuxRemovableMedia.system());
    }

    @Override
    public List<Path> dataRoots() {
        List<Path> roots = new ArrayList<>();
        roots.add(home);
        Set<Path> removableRoots = Set.copyOf(removableRoots());
        Map<String, MountInfo.Mount> mounts = new LinkedHashMap<>();
        try {
            for (MountInfo.Mount m : MountInfo.parse(Files.readAllBytes(mountInfo))) {
                mounts.put(m.mountPoint(), m); // a later mount on the same point hides the earlier one
            }
        } catch (IOException | SecurityException e) {
            return roots; // the home alone is still worth checking
        }
        for (MountInfo.Mount m : mounts.values()) {
            Path point = Path.of(m.mountPoint());
            if (DISK_TYPES.contains(m.fsType()) && point.getNameCount() > 0 && !isSystemFolder(point)
                    && !removableRoots.contains(point) && !point.startsWith(home) && !home.startsWith(point)
                    && !underRemovableArea(point)) {
                roots.add(point);
            }
        }
        return roots;
    }

    /** {@code /media} and {@code /run/media} are where desktops mount removable media. */
    private static boolean underRemovableArea(Path point) {
        return point.startsWith("/media") || point.startsWith("/run/media");
    }

    @Override
    public List<Path> removableRoots() {
        try {
            return removable.volumes().stream().map(RemovableVolume::root).toList();
        } catch (PlatformUnavailableException e) {
            return List.of();
        }
    }

    @Override
    public boolean isSystemFolder(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        return abs.getNameCount() >= 1 && abs.getRoot() != null && SYSTEM_TOP.contains(abs.getName(0).toString());
    }
}
