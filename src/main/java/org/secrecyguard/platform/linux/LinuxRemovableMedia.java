package org.secrecyguard.platform.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.secrecyguard.platform.Limitation;
import org.secrecyguard.platform.PlatformUnavailableException;
import org.secrecyguard.platform.RemovableMedia;
import org.secrecyguard.platform.RemovableVolume;

/**
 * Removable volumes on Linux, read from the mount table and sysfs (no udev, no root rights). A mounted
 * block device counts as removable when its disk says {@code removable=1}, when it hangs below a USB
 * device (USB hard disks and many card readers say removable=0), or when it is an SD card. The USB
 * vendor, product and serial come from the first USB device above the disk in sysfs. Loop, device-mapper
 * and other virtual devices and the root file system are never listed.
 */
public final class LinuxRemovableMedia implements RemovableMedia {
    private static final Logger LOG = Logger.getLogger(LinuxRemovableMedia.class.getName());
    /** A USB bus ("usb2") followed later by a USB port path ("2-1", "1-1.4.2"). */
    private static final Pattern USB_BUS = Pattern.compile("usb\\d+");
    private static final Pattern USB_PORT = Pattern.compile("\\d+-\\d+(\\.\\d+)*");
    private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{4}");

    private final Path mountInfo;
    private final Path sysRoot;

    /** For tests and containers: a given mountinfo file and sysfs root. */
    public LinuxRemovableMedia(Path mountInfo, Path sysRoot) {
        this.mountInfo = mountInfo;
        this.sysRoot = sysRoot;
    }

    /** The mounts of this process, as the running system shows them. */
    public static LinuxRemovableMedia system() {
        return new LinuxRemovableMedia(Path.of("/proc/self/mountinfo"), Path.of("/sys"));
    }

    @Override
    public List<RemovableVolume> volumes() {
        byte[] content;
        try {
            content = Files.readAllBytes(mountInfo);
        } catch (IOException | SecurityException e) {
            throw new PlatformUnavailableException(Limitation.REMOVABLE_MEDIA_UNKNOWN,
                    "cannot read the mount table " + mountInfo, e);
        }
        // A later mount on the same point hides the earlier one: keep the last.
        Map<String, MountInfo.Mount> byPoint = new LinkedHashMap<>();
        for (MountInfo.Mount mount : MountInfo.parse(content)) {
            byPoint.remove(mount.mountPoint());
            byPoint.put(mount.mountPoint(), mount);
        }
        List<RemovableVolume> volumes = new ArrayList<>();
        for (MountInfo.Mount mount : byPoint.values()) {
            removable(mount).ifPresent(volumes::add);
        }
        volumes.sort(Comparator.comparing(RemovableVolume::root));
        return List.copyOf(volumes);
    }

    @Override
    public String name() {
        return "linux-sysfs";
    }

    private Optional<RemovableVolume> removable(MountInfo.Mount mount) {
        String source = mount.source();
        if (!source.startsWith("/dev/") || mount.mountPoint().equals("/")) {
            return Optional.empty();
        }
        String device = source.substring("/dev/".length());
        if (device.isEmpty() || device.contains("/")) {
            return Optional.empty(); // /dev/mapper/*, /dev/disk/by-*: device-mapper or aliases
        }
        Path link = sysRoot.resolve("class").resolve("block").resolve(device);
        if (!Files.exists(link)) {
            return Optional.empty();
        }
        try {
            Path node = link.toRealPath();
            Path relative = sysRoot.toRealPath().relativize(node);
            if (relative.startsWith(Path.of("devices", "virtual"))) {
                return Optional.empty(); // loop, dm, md, zram, ram
            }
            Path disk = Files.exists(node.resolve("partition")) ? node.getParent() : node;
            boolean usb = underUsbDevice(relative);
            if (!usb && !"1".equals(read(disk.resolve("removable"))) && !isSdCard(disk)) {
                return Optional.empty();
            }
            Path root = Path.of(mount.mountPoint());
            Path last = root.getFileName();
            String label = last == null ? "" : last.toString();
            Optional<Path> usbDevice = usb ? usbDeviceAbove(disk) : Optional.empty();
            return Optional.of(new RemovableVolume(root, label,
                    usbDevice.map(d -> hexId(d.resolve("idVendor"))).orElse(""),
                    usbDevice.map(d -> hexId(d.resolve("idProduct"))).orElse(""),
                    usbDevice.map(d -> read(d.resolve("serial"))).orElse("")));
        } catch (IOException | InvalidPathException e) {
            // Not knowable (sysfs vanished as the stick was pulled, or the JVM cannot encode the name).
            LOG.log(Level.WARNING, "cannot classify mount " + mount.mountPoint() + " of " + source, e);
            return Optional.empty();
        }
    }

    /** True when the sysfs device path passes through a USB device, e.g. {@code usb2/2-1/2-1:1.0/...}. */
    static boolean underUsbDevice(Path sysfsPath) {
        boolean onBus = false;
        for (Path part : sysfsPath) {
            String name = part.toString();
            if (onBus && USB_PORT.matcher(name).matches()) {
                return true;
            }
            onBus |= USB_BUS.matcher(name).matches();
        }
        return false;
    }

    /** SD and SDIO cards say "SD" in their MMC card's type; eMMC soldered on the board says "MMC". */
    private static boolean isSdCard(Path disk) {
        return "SD".equals(read(disk.resolve("device").resolve("type")));
    }

    /** The nearest ancestor directory with USB ids: the USB device itself (not its interface). */
    private Optional<Path> usbDeviceAbove(Path disk) throws IOException {
        Path stop = sysRoot.toRealPath();
        for (Path dir = disk; dir != null && dir.startsWith(stop) && !dir.equals(stop); dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("idVendor")) && Files.isRegularFile(dir.resolve("idProduct"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static String hexId(Path file) {
        String id = read(file).toLowerCase(Locale.ROOT);
        return HEX_ID.matcher(id).matches() ? id : "";
    }

    /** A sysfs attribute, trimmed, or "" when absent or unreadable. */
    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
