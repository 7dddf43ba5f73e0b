package org.secrecyguard.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.platform.Limitation;
import org.secrecyguard.platform.PlatformUnavailableException;
import org.secrecyguard.platform.RemovableVolume;

/**
 * Finds USB sticks, USB hard disks and SD cards in a sysfs tree and mount table built here the way the
 * kernel lays them out (real directories, relative symlinks under class/block), and ignores internal
 * disks, loop mounts and pseudo file systems.
 */
class LinuxRemovableMediaTest {
    private static final String USB_STICK = "devices/pci0000:00/0000:00:14.0/usb2/2-1";
    private static final String USB_HDD = "devices/pci0000:00/0000:00:14.0/usb2/2-2";
    private static final String SATA = "devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0";
    private static final String SD_SLOT = "devices/pci0000:00/0000:00:1e.6/mmc_host/mmc0/mmc0:aaaa";
    private static final String EMMC = "devices/platform/fe330000.mmc/mmc_host/mmc1/mmc1:0001";

    @TempDir
    Path dir;
    private Path sys;
    private Path mountInfo;

    @BeforeEach
    void buildMachine() throws IOException {
        sys = dir.resolve("sys");
        mountInfo = dir.resolve("mountinfo");
        // Kingston stick: the USB device holds the ids, the disk says removable=1.
        usbDevice(USB_STICK, "0951", "1666", "60A44C413A8CF0B1F94A0123");
        disk(USB_STICK + "/2-1:1.0/host6/target6:0:0/6:0:0:0", "sdb", "1", "sdb1");
        // WD Passport USB hard disk: removable=0, only its place under usb2 says it can walk away.
        usbDevice(USB_HDD, "1058", "25E2", "575833314141384A36353334");
        disk(USB_HDD + "/2-2:1.0/host7/target7:0:0/7:0:0:0", "sdc", "0", "sdc1");
        disk(SATA, "sda", "0", "sda1", "sda2");
        disk(SD_SLOT, "mmcblk0", "1", "mmcblk0p1");
        Files.writeString(sys.resolve(SD_SLOT).resolve("type"), "SD\n");
        disk(EMMC, "mmcblk1", "0", "mmcblk1p1");
        Files.writeString(sys.resolve(EMMC).resolve("type"), "MMC\n");
        disk("devices/virtual", "loop0", "0");

        mountTable(
                "22 27 0:21 / /proc rw,relatime shared:12 - proc proc rw",
                "27 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw,errors=remount-ro",
                "28 27 8:1 / /boot/efi rw,relatime shared:2 - vfat /dev/sda1 rw,fmask=0077",
                "29 27 0:26 / /tmp rw,nosuid,nodev shared:14 - tmpfs tmpfs rw,size=8066388k",
                "30 27 7:0 / /snap/core22/1380 ro,nodev,relatime shared:15 - squashfs /dev/loop0 ro",
                "31 27 179:9 / /data rw,relatime shared:16 - ext4 /dev/mmcblk1p1 rw",
                "95 27 8:17 / /media/张三/KINGSTON rw,nosuid,nodev,relatime shared:50 master:3 - vfat /dev/sdb1"
                        + " rw,fmask=0022,dmask=0022,codepage=936,iocharset=utf8,shortname=mixed",
                "96 27 8:33 / /run/media/zhangsan/My\\040Passport rw,nosuid,nodev,relatime shared:51 - exfat"
                        + " /dev/sdc1 rw,iocharset=utf8",
                "97 27 179:1 / /media/张三/3861-6530 rw,nosuid,nodev,relatime shared:52 - vfat /dev/mmcblk0p1 rw");
    }

    @Test
    void listsUsbStickUsbHardDiskAndSdCardInMountPointOrder() {
        List<RemovableVolume> volumes = new LinuxRemovableMedia(mountInfo, sys).volumes();

        assertEquals(List.of(Path.of("/media/张三/3861-6530"), Path.of("/media/张三/KINGSTON"),
                        Path.of("/run/media/zhangsan/My Passport")),
                volumes.stream().map(RemovableVolume::root).toList());
    }

    @Test
    void namesUsbStickByVendorProductSerialAndLabel() {
        RemovableVolume stick = volumeAt("/media/张三/KINGSTON");

        assertEquals(new RemovableVolume(Path.of("/media/张三/KINGSTON"), "KINGSTON", "0951", "1666",
                "60A44C413A8CF0B1F94A0123"), stick);
        assertTrue(stick.identified());
    }

    @Test
    void findsUsbHardDiskThatSaysItIsNotRemovableAndUnescapesSpace() {
        RemovableVolume passport = volumeAt("/run/media/zhangsan/My Passport");

        assertEquals("My Passport", passport.label());
        assertEquals("1058", passport.vendorId());
        assertEquals("25e2", passport.productId(), "ids are lowercased");
        assertTrue(passport.identified());
    }

    @Test
    void sdCardInBuiltInReaderIsListedWithoutUsbIds() {
        RemovableVolume card = volumeAt("/media/张三/3861-6530");

        assertEquals("3861-6530", card.label());
        assertFalse(card.identified(), "no USB ids, so it can never be on an allow-list");
        assertEquals("", card.vendorId());
    }

    @Test
    void sdCardIsListedEvenWhenItsDiskSaysNotRemovable() throws IOException {
        Files.writeString(sys.resolve(SD_SLOT).resolve("block/mmcblk0/removable"), "0\n");

        assertEquals("3861-6530", volumeAt("/media/张三/3861-6530").label());
    }

    @Test
    void internalDisksLoopMountsAndPseudoFileSystemsAreNotListed() {
        List<String> roots = new LinuxRemovableMedia(mountInfo, sys).volumes().stream()
                .map(v -> v.root().toString()).toList();

        for (String internal : List.of("/", "/boot/efi", "/data", "/tmp", "/proc", "/snap/core22/1380")) {
            assertFalse(roots.contains(internal), internal);
        }
    }

    @Test
    void rootFileSystemIsNotListedEvenOnAUsbDisk() throws IOException {
        // A live system booted from a stick: its root must not be watched as a drive.
        mountTable("27 1 8:17 / / rw,relatime shared:1 - ext4 /dev/sdb1 rw");

        assertEquals(List.of(), new LinuxRemovableMedia(mountInfo, sys).volumes());
    }

    @Test
    void mountHiddenByALaterMountOnTheSamePointIsNotListed() throws IOException {
        mountTable("95 27 8:17 / /media/u/KINGSTON rw - vfat /dev/sdb1 rw",
                "98 95 0:40 / /media/u/KINGSTON rw - tmpfs tmpfs rw");

        assertEquals(List.of(), new LinuxRemovableMedia(mountInfo, sys).volumes());
    }

    @Test
    void noRemovableMountsGiveAnEmptyList() throws IOException {
        mountTable("27 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw");

        assertEquals(List.of(), new LinuxRemovableMedia(mountInfo, sys).volumes());
    }

    @Test
    void unreadableMountTableReportsRemovableMediaUnknown() {
        LinuxRemovableMedia media = new LinuxRemovableMedia(dir.resolve("no-such-mountinfo"), sys);

        PlatformUnavailableException e = assertThrows(PlatformUnavailableException.class, media::volumes);
        assertEquals(Limitation.REMOVABLE_MEDIA_UNKNOWN, e.limitation());
    }

    @Test
    void runsOnThisMachineAndListsOnlyExistingRoots() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "Linux only");

        for (RemovableVolume v : LinuxRemovableMedia.system().volumes()) {
            assertTrue(Files.isDirectory(v.root()), v.root().toString());
        }
    }

    private RemovableVolume volumeAt(String root) {
        return new LinuxRemovableMedia(mountInfo, sys).volumes().stream()
                .filter(v -> v.root().equals(Path.of(root))).findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + root));
    }

    private void mountTable(String... lines) throws IOException {
        // The kernel writes names as raw UTF-8 bytes, escaping only space, tab, newline and backslash.
        Files.write(mountInfo, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void usbDevice(String path, String vendor, String product, String serial) throws IOException {
        Path device = Files.createDirectories(sys.resolve(path));
        Files.writeString(device.resolve("idVendor"), vendor + "\n");
        Files.writeString(device.resolve("idProduct"), product + "\n");
        Files.writeString(device.resolve("serial"), serial + "\n");
        // The interface below has no ids of its own; the walk up must pass it.
        Files.createDirectories(device.resolve(device.getFileName() + ":1.0"));
        Files.writeString(device.resolve(device.getFileName() + ":1.0").resolve("bInterfaceClass"), "08\n");
    }

    /** A disk under {@code parent}/block with its partitions, linked from class/block like the kernel does. */
    private void disk(String parent, String name, String removable, String... partitions) throws IOException {
        Path disk = Files.createDirectories(sys.resolve(parent).resolve("block").resolve(name));
        Files.writeString(disk.resolve("removable"), removable + "\n");
        Files.createSymbolicLink(disk.resolve("device"), Path.of("../.."));
        link(name, disk);
        for (String partition : partitions) {
            Path p = Files.createDirectories(disk.resolve(partition));
            Files.writeString(p.resolve("partition"), partition.replaceAll("\\D*(\\d+)$", "$1") + "\n");
            link(partition, p);
        }
    }

    private void link(String name, Path target) throws IOException {
        Path classBlock = Files.createDirectories(sys.resolve("class/block"));
        Files.createSymbolicLink(classBlock.resolve(name), classBlock.relativize(target));
    }
}
