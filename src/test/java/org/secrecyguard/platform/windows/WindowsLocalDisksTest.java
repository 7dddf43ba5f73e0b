package org.secrecyguard.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Self-check roots from drive answers shaped like a real Windows 11 PC's; the Win32 calls cannot run here. */
class WindowsLocalDisksTest {
    private static final List<String> NVME = List.of("SCSI\\DISK&VEN_NVME&PROD_SAMSUNG_SSD_970\\5&2C3A7B2F&0&000000",
            "PCI\\VEN_144D&DEV_A808&SUBSYS_A801144D&REV_00\\4&1F8A5E2C&0&00E8", "ACPI\\PNP0A08\\0", "HTREE\\ROOT\\0");
    private static final List<String> USB_SSD = List.of(
            "SCSI\\DISK&VEN_SAMSUNG&PROD_PORTABLE_SSD_T5&REV_0\\5&1D6BF9B5&0&000000", "USB\\VID_04E8&PID_61F5\\1234567DA37D",
            "USB\\ROOT_HUB30\\4&2A4F6E0B&0&0", "HTREE\\ROOT\\0");
    private static final List<String> STICK = List.of(
            "USBSTOR\\DISK&VEN_SANDISK&PROD_ULTRA&REV_1.00\\4C530001231219115362&0",
            "USB\\VID_0781&PID_5581\\4C530001231219115362", "USB\\ROOT_HUB30\\4&2A4F6E0B&0&0", "HTREE\\ROOT\\0");

    @Test
    void fixedDrivesAreDataRootsUsbDisksAndSticksOnlyOnRequest() {
        Recorded d = new Recorded();
        d.drive("C:\\", 3, "Windows", NVME);
        d.drive("D:\\", 3, "数据", NVME);
        d.drive("E:\\", 2, "U盘", STICK);
        d.drive("F:\\", 3, "Samsung_T5", USB_SSD);
        d.drive("Z:\\", 4, "share", List.of());
        d.drive("G:\\", 5, "DVD", List.of());
        WindowsLocalDisks disks = new WindowsLocalDisks(d);
        assertEquals(List.of(Path.of("C:\\"), Path.of("D:\\")), disks.dataRoots());
        assertEquals(List.of(Path.of("E:\\"), Path.of("F:\\")), disks.removableRoots());
    }

    @Test
    void systemAndProgramFoldersAndAppDataAreSkippedDocumentsAreNot() {
        assertTrue(WindowsLocalDisks.isSystemFolder("C:\\Windows"));
        assertTrue(WindowsLocalDisks.isSystemFolder("C:\\Program Files (x86)\\Tencent"));
        assertTrue(WindowsLocalDisks.isSystemFolder("D:\\$RECYCLE.BIN"));
        assertTrue(WindowsLocalDisks.isSystemFolder("C:\\ProgramData\\Microsoft"));
        assertTrue(WindowsLocalDisks.isSystemFolder("C:\\Users\\zhang\\AppData\\Local\\Temp"));
        assertFalse(WindowsLocalDisks.isSystemFolder("C:\\Users\\zhang\\Documents\\WeChat Files"));
        assertFalse(WindowsLocalDisks.isSystemFolder("D:\\公文\\2026"));
        assertFalse(WindowsLocalDisks.isSystemFolder("C:\\"));
    }

    private static final class Recorded implements WindowsDrives {
        private final Map<String, Integer> types = new LinkedHashMap<>();
        private final Map<String, String> labels = new HashMap<>();
        private final Map<String, List<String>> chains = new HashMap<>();

        void drive(String root, int type, String label, List<String> chain) {
            types.put(root, type);
            labels.put(root, label);
            chains.put(root, chain);
        }

        @Override
        public List<String> driveRoots() {
            return List.copyOf(types.keySet());
        }

        @Override
        public int driveType(String root) {
            return types.get(root);
        }

        @Override
        public Optional<String> volumeLabel(String root) {
            return Optional.ofNullable(labels.get(root));
        }

        @Override
        public List<String> deviceChain(String root) {
            return chains.get(root);
        }

        @Override
        public String systemRoot() {
            return "C:\\";
        }
    }
}
