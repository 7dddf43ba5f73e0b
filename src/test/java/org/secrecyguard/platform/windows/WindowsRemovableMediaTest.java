package org.secrecyguard.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secrecyguard.platform.Limitation;
import org.secrecyguard.platform.PlatformUnavailableException;
import org.secrecyguard.platform.RemovableVolume;

/**
 * Decides which drive letters are removable from answers shaped like those of real Windows 10/11
 * machines (drive types, labels, device instance id chains as Device Manager shows them); the Win32
 * calls themselves cannot run here.
 */
class WindowsRemovableMediaTest {
    private static final List<String> XHCI = List.of("USB\\ROOT_HUB30\\4&2A4F6E0B&0&0",
            "PCI\\VEN_8086&DEV_A36D&SUBSYS_85551043&REV_10\\3&11583659&0&A0", "ACPI\\PNP0A08\\0", "HTREE\\ROOT\\0");
    private static final List<String> NVME = List.of("SCSI\\DISK&VEN_NVME&PROD_SAMSUNG_SSD_970\\5&2C3A7B2F&0&000000",
            "PCI\\VEN_144D&DEV_A808&SUBSYS_A801144D&REV_00\\4&1F8A5E2C&0&00E8", "ACPI\\PNP0A08\\0", "HTREE\\ROOT\\0");

    private final RecordedDrives drives = new RecordedDrives();

    @Test
    void usbStickIsNamedByItsUsbParent() {
        drives.drive("E:\\", 2, "办公室3号盘", chain("USBSTOR\\DISK&VEN_SANDISK&PROD_ULTRA&REV_1.00\\4C530001231219115362&0",
                "USB\\VID_0781&PID_5581\\4C530001231219115362"));

        assertEquals(List.of(new RemovableVolume(Path.of("E:\\"), "办公室3号盘", "0781", "5581",
                "4C530001231219115362")), media().volumes());
    }

    @Test
    void usbHardDiskThatWindowsCallsFixedIsListed() {
        // A UAS disk: SCSI disk node whose parent is the USB device (driver UASPStor).
        drives.drive("F:\\", 3, "Samsung_T5", chain("SCSI\\DISK&VEN_SAMSUNG&PROD_PORTABLE_SSD_T5&REV_0\\5&1D6BF9B5&0&000000",
                "USB\\VID_04E8&PID_61F5\\1234567DA37D"));

        RemovableVolume disk = media().volumes().get(0);
        assertEquals(Path.of("F:\\"), disk.root());
        assertEquals("04e8:61f5 1234567DA37D", disk.vendorId() + ":" + disk.productId() + " " + disk.serial());
    }

    @Test
    void internalDisksNetworkCdAndSystemDriveAreNotListed() {
        drives.drive("C:\\", 3, "Windows", NVME);
        drives.drive("D:\\", 3, "数据", NVME);
        drives.drive("Z:\\", 4, "share", List.of());
        drives.drive("G:\\", 5, "DVD", List.of());

        assertEquals(List.of(), media().volumes());
    }

    @Test
    void systemDriveIsNotListedEvenWhenBootedFromUsb() {
        drives.drive("C:\\", 3, "Windows To Go", chain("USBSTOR\\DISK&VEN_KINGSTON&PROD_DTWORKSPACE\\0019E06B9C7F&0",
                "USB\\VID_0951&PID_16A7\\0019E06B9C7F"));

        assertEquals(List.of(), media().volumes());
    }

    @Test
    void emptyCardReaderSlotIsNotListed() {
        drives.drive("H:\\", 2, null, chain("USBSTOR\\DISK&VEN_GENERIC-&PROD_SD/MMC&REV_1.00\\6&1A2B3C4D&0&01&0",
                "USB\\VID_0BDA&PID_0158\\5&3A9D6C8E&0&2"));

        assertEquals(List.of(), media().volumes());
    }

    @Test
    void cardReaderWithoutSerialIsListedButUnidentified() {
        drives.drive("H:\\", 2, "", chain("USBSTOR\\DISK&VEN_GENERIC-&PROD_SD/MMC&REV_1.00\\6&1A2B3C4D&0&01&0",
                "USB\\VID_0BDA&PID_0158\\5&3A9D6C8E&0&2"));

        RemovableVolume card = media().volumes().get(0);
        assertEquals("0bda", card.vendorId());
        assertFalse(card.identified());
    }

    @Test
    void builtInSdReaderIsListedWithoutUsbIds() {
        drives.drive("E:\\", 2, "SDCARD", List.of("SD\\DISK&GENERIC&SA16G&0.4\\6&2E4C8A3F&0&B9A8C7D6",
                "PCI\\VEN_10EC&DEV_5227&SUBSYS_0661103C&REV_01\\4&2E6F1D9&0&00E1", "HTREE\\ROOT\\0"));

        assertEquals(List.of(new RemovableVolume(Path.of("E:\\"), "SDCARD", "", "", "")), media().volumes());
    }

    @Test
    void phoneUsedAsDriveIsNamedByTheDeviceNotItsInterface() {
        drives.drive("I:\\", 2, "HUAWEI", chain("USBSTOR\\DISK&VEN_HUAWEI&PROD_SD_STORAGE&REV_2.31\\7&2F1B9E&0&ABC123&0",
                "USB\\VID_12D1&PID_107E&MI_01\\7&3B1C2D4E&0&0001", "USB\\VID_12D1&PID_107E\\7QK7N17A29000123"));

        RemovableVolume phone = media().volumes().get(0);
        assertEquals("7QK7N17A29000123", phone.serial());
        assertEquals("12d1", phone.vendorId());
    }

    @Test
    void removableDriveWhoseDeviceCannotBeTracedIsListedUnidentified() {
        drives.drive("E:\\", 2, "U盘", null);

        assertEquals(List.of(new RemovableVolume(Path.of("E:\\"), "U盘", "", "", "")), media().volumes());
    }

    @Test
    void drivesAreInLetterOrder() {
        drives.drive("K:\\", 2, "B", List.of());
        drives.drive("e:\\", 2, "A", List.of());

        assertEquals(List.of(Path.of("e:\\"), Path.of("K:\\")),
                media().volumes().stream().map(RemovableVolume::root).toList());
    }

    @Test
    void failingDriveListReportsRemovableMediaUnknown() {
        drives.failing = true;

        PlatformUnavailableException e = assertThrows(PlatformUnavailableException.class, media()::volumes);
        assertEquals(Limitation.REMOVABLE_MEDIA_UNKNOWN, e.limitation());
    }

    private WindowsRemovableMedia media() {
        return new WindowsRemovableMedia(drives);
    }

    private static List<String> chain(String... usbPart) {
        List<String> chain = new java.util.ArrayList<>(List.of(usbPart));
        chain.addAll(XHCI);
        return chain;
    }

    /** Answers recorded per drive; a null label means no medium, a null chain that tracing fails. */
    private static final class RecordedDrives implements WindowsDrives {
        private final Map<String, Integer> types = new java.util.LinkedHashMap<>();
        private final Map<String, String> labels = new HashMap<>();
        private final Map<String, List<String>> chains = new HashMap<>();
        boolean failing;

        void drive(String root, int type, String label, List<String> chain) {
            types.put(root, type);
            labels.put(root, label);
            chains.put(root, chain);
        }

        @Override
        public List<String> driveRoots() {
            if (failing) {
                throw new IllegalStateException("GetLogicalDriveStringsW failed");
            }
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
            List<String> chain = chains.get(root);
            if (chain == null) {
                throw new IllegalStateException("IOCTL_STORAGE_GET_DEVICE_NUMBER failed");
            }
            return chain;
        }

        @Override
        public String systemRoot() {
            return "C:\\";
        }
    }
}
