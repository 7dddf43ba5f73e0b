package org.secrecyguard.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.platform.BackgroundPriority;
import org.secrecyguard.platform.RemovableVolume;

class LinuxLocalDisksTest {
    /** Shaped like a Kylin desktop's mountinfo: root on NVMe, /home and /data on their own disks, a USB stick. */
    private static final String MOUNTS = """
            22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw
            23 22 0:21 / /proc rw,nosuid shared:12 - proc proc rw
            24 22 0:22 / /sys rw,nosuid shared:2 - sysfs sysfs rw
            25 22 259:3 / /boot/efi rw,relatime shared:3 - vfat /dev/nvme0n1p1 rw
            26 22 259:4 / /home rw,relatime shared:4 - ext4 /dev/nvme0n1p4 rw
            27 22 8:1 / /data rw,relatime shared:5 - ext4 /dev/sda1 rw
            28 22 8:2 / /mnt/d rw,relatime shared:6 - ntfs3 /dev/sda2 rw
            29 22 0:40 / /run/user/1000 rw shared:7 - tmpfs tmpfs rw
            30 22 8:17 / /media/zhang/KINGSTON rw shared:8 - vfat /dev/sdb1 rw
            31 22 0:45 / /mnt/share rw shared:9 - cifs //nas/share rw
            32 22 7:0 / /snap/core/1 ro shared:10 - squashfs /dev/loop0 ro
            """;

    @TempDir
    Path tmp;

    private static org.secrecyguard.platform.RemovableMedia media(List<RemovableVolume> volumes) {
        return new org.secrecyguard.platform.RemovableMedia() {
            @Override
            public List<RemovableVolume> volumes() {
                return volumes;
            }

            @Override
            public String name() {
                return "recorded";
            }
        };
    }

    @Test
    void homeAndDataDisksAreRootsSystemRemovableAndNetworkAreNot() throws Exception {
        Path mountinfo = Files.writeString(tmp.resolve("mountinfo"), MOUNTS);
        LinuxLocalDisks disks = new LinuxLocalDisks(Path.of("/home/zhang"), mountinfo,
                media(List.of(new RemovableVolume(Path.of("/media/zhang/KINGSTON"), "KINGSTON", "0951", "1666", "X"))));
        assertEquals(List.of(Path.of("/home/zhang"), Path.of("/data"), Path.of("/mnt/d")), disks.dataRoots());
        assertEquals(List.of(Path.of("/media/zhang/KINGSTON")), disks.removableRoots());
        assertTrue(disks.isSystemFolder(Path.of("/usr/share/doc")));
        assertTrue(disks.isSystemFolder(Path.of("/proc")));
        assertTrue(disks.isSystemFolder(Path.of("/opt/apps/com.tencent.wechat")));
        assertFalse(disks.isSystemFolder(Path.of("/home/zhang/文档")));
        assertFalse(disks.isSystemFolder(Path.of("/data/公文")));
    }

    @Test
    void anUnreadableMountTableLeavesTheHome() {
        LinuxLocalDisks disks = new LinuxLocalDisks(Path.of("/home/zhang"), tmp.resolve("missing"), media(List.of()));
        assertEquals(List.of(Path.of("/home/zhang")), disks.dataRoots());
    }

    @Test
    void aLoweredThreadRunsAtNice19InTheIdleIoClassAndOthersAreUntouched() throws Exception {
        BackgroundPriority p = LinuxBackgroundPriority.forArch(System.getProperty("os.arch"));
        assumeTrue(p != null, "system call numbers known for x86_64 and aarch64 only");
        LinuxBackgroundPriority linux = (LinuxBackgroundPriority) p;
        AtomicIntegerArray seen = new AtomicIntegerArray(3);
        Thread t = new Thread(() -> {
            seen.set(0, linux.lowerCurrentThread() ? 1 : 0);
            int tid = linux.currentTid();
            seen.set(1, linux.niceOf(tid));
            seen.set(2, linux.ioClassOf(tid));
        });
        t.start();
        t.join();
        assertEquals(1, seen.get(0), "lowered");
        assertEquals(LinuxBackgroundPriority.NICE, seen.get(1));
        assertEquals(LibcPriority.IOPRIO_CLASS_IDLE, seen.get(2));
        int me = linux.currentTid();
        assertNotNull(Files.readString(Path.of("/proc/self/task/" + me + "/stat")));
        assertEquals(0, linux.niceOf(me), "the calling thread keeps its priority");
    }
}
