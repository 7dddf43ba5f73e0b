package org.secrecyguard.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reads USB ids out of device instance ids as Windows 10/11 Device Manager shows them. */
class UsbInstanceIdTest {
    @Test
    void readsVendorProductAndSerialOfAUsbDevice() {
        assertEquals(Optional.of(new UsbInstanceId("0781", "5581", "4C530001231219115362")),
                UsbInstanceId.parse("USB\\VID_0781&PID_5581\\4C530001231219115362"));
    }

    @Test
    void lowercasesHexIdsAndKeepsSerialAsWritten() {
        assertEquals(Optional.of(new UsbInstanceId("04e8", "61f5", "1234567DA37D")),
                UsbInstanceId.parse("usb\\vid_04E8&pid_61F5\\1234567DA37D"));
    }

    @Test
    void instanceMadeUpByWindowsForADeviceWithoutSerialIsNoSerial() {
        assertEquals(Optional.of(new UsbInstanceId("0bda", "0158", "")),
                UsbInstanceId.parse("USB\\VID_0BDA&PID_0158\\5&3A9D6C8E&0&2"));
    }

    @Test
    void interfaceOfACompositeDeviceIsNotTheDevice() {
        assertEquals(Optional.empty(), UsbInstanceId.parse("USB\\VID_12D1&PID_107E&MI_01\\7&3B1C2D4E&0&0001"));
    }

    @Test
    void massStorageChildHubsAndPciNodesHaveNoUsbIds() {
        for (String id : new String[] {
                "USBSTOR\\DISK&VEN_SANDISK&PROD_ULTRA&REV_1.00\\4C530001231219115362&0",
                "USB\\ROOT_HUB30\\4&2A4F6E0B&0&0",
                "PCI\\VEN_8086&DEV_A36D&SUBSYS_85551043&REV_10\\3&11583659&0&A0",
                "", "USB\\VID_0781&PID_55\\X"}) {
            assertEquals(Optional.empty(), UsbInstanceId.parse(id), id);
        }
    }

    @Test
    void usbNodesAreRecognisedWhateverTheirRole() {
        assertTrue(UsbInstanceId.isUsbNode("USBSTOR\\DISK&VEN_GENERIC-&PROD_SD/MMC&REV_1.00\\6&1A2B&0&01&0"));
        assertTrue(UsbInstanceId.isUsbNode("USB\\VID_04E8&PID_61F5\\1234567DA37D"));
        assertFalse(UsbInstanceId.isUsbNode("SCSI\\DISK&VEN_NVME&PROD_SAMSUNG_SSD_970\\5&2C3A7B2F&0&000000"));
        assertFalse(UsbInstanceId.isUsbNode("USB\\ROOT_HUB30\\4&2A4F6E0B&0&0"));
    }
}
