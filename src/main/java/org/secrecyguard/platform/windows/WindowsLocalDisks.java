package org.secrecyguard.platform.windows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.secrecyguard.platform.LocalDisks;

/**
 * Every fixed drive (GetDriveType 3) is a data root, except USB disks that Windows calls fixed: those
 * are removable volumes as {@link WindowsRemovableMedia} decides, checked only on request, as are
 * removable drives (2); network and optical drives never. The Windows folder, program folders and the
 * per-user AppData are skipped.
 */
public final class WindowsLocalDisks implements LocalDisks {
    static final int DRIVE_REMOVABLE = 2;
    static final int DRIVE_FIXED = 3;
    /** First-level folders of a drive that hold the system or installed programs. */
    static final Set<String> SYSTEM_TOP = Set.of("windows", "program files", "program files (x86)", "programdata",
            "$recycle.bin", "system volume information", "recovery", "perflogs", "$winreagent", "$windows.~bt",
            "$windows.~ws", "msocache", "intel", "amd", "nvidia");

    private final WindowsDrives drives;
    private final WindowsRemovableMedia removable;

    WindowsLocalDisks(WindowsDrives drives) {
        this.drives = drives;
        this.removable = new WindowsRemovableMedia(drives);
    }

    /** Answered by the running Windows. */
    public static WindowsLocalDisks system() {
        return new WindowsLocalDisks(new Win32Drives());
    }

    @Override
    public List<Path> dataRoots() {
        List<Path> usb = removableRoots();
        List<Path> roots = new ArrayList<>();
        for (String root : drives.driveRoots()) {
            if (drives.driveType(root) == DRIVE_FIXED && !usb.contains(Path.of(root))) {
                roots.add(Path.of(root));
            }
        }
        return roots;
    }

    @Override
    public List<Path> removableRoots() {
        try {
            return removable.volumes().stream().map(org.secrecyguard.platform.RemovableVolume::root).toList();
        } catch (org.secrecyguard.platform.PlatformUnavailableException e) {
            return List.of();
        }
    }

    @Override
    public boolean isSystemFolder(Path folder) {
        return isSystemFolder(folder.toString());
    }

    /** The decision on the path's text, so it can be tested with Windows paths on any OS. */
    static boolean isSystemFolder(String path) {
        String p = path.replace('\\', '/').toLowerCase(Locale.ROOT);
        if (p.length() >= 2 && p.charAt(1) == ':') {
            p = p.substring(2);
        }
        String[] parts = p.replaceAll("^/+", "").split("/+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return false;
        }
        if (SYSTEM_TOP.contains(parts[0])) {
            return true;
        }
        // C:\Users\<name>\AppData: programs' caches and settings, not documents the user keeps.
        return parts.length >= 3 && parts[0].equals("users") && parts[2].equals("appdata");
    }
}
