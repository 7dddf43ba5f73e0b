package org.secrecyguard.platform.windows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.platform.Limitation;
import org.secrecyguard.platform.PlatformUnavailableException;
import org.secrecyguard.platform.RemovableMedia;
import org.secrecyguard.platform.RemovableVolume;

/**
 * Removable volumes on Windows: drive letters Windows calls removable (USB sticks, card readers), plus
 * fixed drives whose disk hangs below a USB device (USB hard disks, which Windows reports as fixed). The
 * USB vendor, product and serial come from the first USB device node above the disk in the device tree;
 * a volume whose device cannot be traced keeps empty ids and so can never be on an allow-list. Drives
 * without a medium and the Windows system drive are never listed.
 */
public final class WindowsRemovableMedia implements RemovableMedia {
    private static final Logger LOG = Logger.getLogger(WindowsRemovableMedia.class.getName());
    static final int DRIVE_REMOVABLE = 2;
    static final int DRIVE_FIXED = 3;

    private final WindowsDrives drives;

    /** The adapter for this Windows machine (Win32 calls through JNA). */
    public WindowsRemovableMedia() {
        this(new Win32Drives());
    }

    WindowsRemovableMedia(WindowsDrives drives) {
        this.drives = drives;
    }

    @Override
    public List<RemovableVolume> volumes() {
        List<String> roots;
        String systemRoot;
        try {
            roots = drives.driveRoots();
            systemRoot = drives.systemRoot();
        } catch (LinkageError | RuntimeException e) {
            throw new PlatformUnavailableException(Limitation.REMOVABLE_MEDIA_UNKNOWN,
                    "cannot list the drive letters", e);
        }
        List<RemovableVolume> volumes = new ArrayList<>();
        for (String root : roots) {
            if (!root.equalsIgnoreCase(systemRoot)) {
                volume(root).ifPresent(volumes::add);
            }
        }
        volumes.sort(Comparator.comparing(v -> v.root().toString().toUpperCase(Locale.ROOT)));
        return List.copyOf(volumes);
    }

    @Override
    public String name() {
        return "windows-setupapi";
    }

    private Optional<RemovableVolume> volume(String root) {
        try {
            int type = drives.driveType(root);
            if (type != DRIVE_REMOVABLE && type != DRIVE_FIXED) {
                return Optional.empty();
            }
            List<String> chain = chain(root);
            if (type == DRIVE_FIXED && chain.stream().noneMatch(UsbInstanceId::isUsbNode)) {
                return Optional.empty(); // an internal disk
            }
            Optional<String> label = drives.volumeLabel(root);
            if (label.isEmpty()) {
                return Optional.empty(); // nothing in the slot: nothing can be written there
            }
            Optional<UsbInstanceId> usb = chain.stream().map(UsbInstanceId::parse)
                    .flatMap(Optional::stream).findFirst();
            return Optional.of(new RemovableVolume(Path.of(root), label.get(),
                    usb.map(UsbInstanceId::vendorId).orElse(""),
                    usb.map(UsbInstanceId::productId).orElse(""),
                    usb.map(UsbInstanceId::serial).orElse("")));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot classify drive " + root, e);
            return Optional.empty();
        }
    }

    /** The device chain, or none: an untraceable removable drive is still listed, just unidentified. */
    private List<String> chain(String root) {
        try {
            return drives.deviceChain(root);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "no device chain for " + root, e);
            return List.of();
        }
    }
}
