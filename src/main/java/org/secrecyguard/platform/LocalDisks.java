package org.secrecyguard.platform;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a whole-PC self-check looks and which folders it leaves out, as the OS lays its disks out:
 * on Windows every fixed drive, on Linux the user's home and the mounted data file systems. Callers
 * never ask which OS they run on.
 */
public interface LocalDisks {
    /** The folders holding the user's own files (fixed drives, home, mounted data folders). */
    List<Path> dataRoots();

    /** The mounted removable volumes' roots, checked only when asked for. */
    List<Path> removableRoots();

    /**
     * True for a folder of the system or of installed programs (never the user's documents), which a
     * self-check skips: {@code /usr}, {@code /proc}, {@code C:\Windows}, {@code C:\Program Files}…
     */
    boolean isSystemFolder(Path folder);
}
