package org.secrecyguard.policy;

import java.util.Locale;
import java.util.Objects;

/**
 * A USB storage device registered by IT as allowed to receive work secrets and internal material
 * (e.g. the office's numbered, encrypted sticks). Identity is vendor id, product id and serial; the label
 * is only for people.
 *
 * @param vendorId  USB vendor id, four hex digits (e.g. "0781")
 * @param productId USB product id, four hex digits
 * @param serial    the device serial number as the OS reports it
 * @param label     a note for people, e.g. "办公室 3 号 U 盘"; may be empty
 */
public record UsbDeviceId(String vendorId, String productId, String serial, String label) {
    public UsbDeviceId {
        vendorId = hexId(vendorId, "vendor id");
        productId = hexId(productId, "product id");
        Objects.requireNonNull(serial, "serial");
        serial = serial.trim();
        if (serial.isEmpty()) {
            throw new IllegalArgumentException("serial is empty: a device without a serial cannot be told apart");
        }
        label = label == null ? "" : label.trim();
    }

    /** True for the same physical device (label ignored; ids and serial compared without case). */
    public boolean sameDevice(UsbDeviceId other) {
        return other != null && vendorId.equals(other.vendorId) && productId.equals(other.productId)
                && serial.equalsIgnoreCase(other.serial);
    }

    private static String hexId(String id, String what) {
        Objects.requireNonNull(id, what);
        String s = id.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("0x")) {
            s = s.substring(2);
        }
        if (!s.matches("[0-9a-f]{1,4}")) {
            throw new IllegalArgumentException(what + " must be 1-4 hex digits: " + id);
        }
        return "0".repeat(4 - s.length()) + s;
    }
}
