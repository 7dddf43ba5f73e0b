package org.secrecyguard.platform.windows;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The USB ids in a Windows device instance id such as {@code USB\VID_0781&PID_5581\4C530001231219115362}.
 * The last part is the device's own serial number only when it has no {@code &}: for devices without a
 * serial, Windows makes up one from the port ({@code 5&2A8B1F3C&0&2}), which must never be trusted as
 * an identity because another stick in the same port would share it.
 *
 * @param vendorId  four lowercase hex digits
 * @param productId four lowercase hex digits
 * @param serial    the device's serial number, or "" when Windows generated the instance part
 */
record UsbInstanceId(String vendorId, String productId, String serial) {
    private static final Pattern USB_DEVICE = Pattern.compile(
            "USB\\\\VID_([0-9A-F]{4})&PID_([0-9A-F]{4})(&[^\\\\]*)?\\\\(.*)", Pattern.CASE_INSENSITIVE);

    /**
     * The ids of a USB device node; empty for anything else, including one interface of a composite
     * device ({@code USB\VID_12D1&PID_107E&MI_00\7&...}), whose parent is the device that has the serial.
     */
    static Optional<UsbInstanceId> parse(String instanceId) {
        if (instanceId == null) {
            return Optional.empty();
        }
        Matcher m = USB_DEVICE.matcher(instanceId.trim());
        if (!m.matches() || m.group(3) != null) {
            return Optional.empty();
        }
        String instance = m.group(4);
        String serial = instance.isEmpty() || instance.contains("&") || instance.contains("\\") ? "" : instance;
        return Optional.of(new UsbInstanceId(m.group(1).toLowerCase(Locale.ROOT),
                m.group(2).toLowerCase(Locale.ROOT), serial));
    }

    /** True for any node of the USB bus (device, interface, mass-storage child), i.e. a USB-attached disk. */
    static boolean isUsbNode(String instanceId) {
        String id = instanceId == null ? "" : instanceId.toUpperCase(Locale.ROOT);
        return id.startsWith("USB\\VID_") || id.startsWith("USBSTOR\\");
    }
}
