package org.secrecyguard.platform.windows;

import java.util.List;
import java.util.Optional;

/**
 * The few Win32 questions {@link WindowsRemovableMedia} asks, so that its decisions can be tested on
 * any OS with answers recorded from real Windows machines.
 */
interface WindowsDrives {
    /** The drive roots in use, e.g. "C:\", "E:\". */
    List<String> driveRoots();

    /** GetDriveTypeW of a root: 2 removable, 3 fixed, 4 network, 5 CD-ROM... */
    int driveType(String root);

    /** The volume label ("" if none), or empty when the drive has no medium (an empty card slot). */
    Optional<String> volumeLabel(String root);

    /**
     * Device instance ids from the disk that holds this volume up to the root of the device tree,
     * e.g. {@code USBSTOR\DISK&VEN_...\...&0}, {@code USB\VID_0781&PID_5581\4C53...}, {@code USB\ROOT_HUB30\...};
     * empty when Windows does not say (a volume spanning disks, a device that vanished).
     */
    List<String> deviceChain(String root);

    /** The root of the Windows installation, e.g. "C:\" (never watched as a drive). */
    String systemRoot();
}
