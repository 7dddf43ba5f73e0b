package org.secrecyguard.platform;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A mounted removable storage volume (USB stick, phone or card reader used "as a drive").
 *
 * @param root      where its files are (a mount point on Linux, "E:\" on Windows)
 * @param label     the volume label for people, or ""
 * @param vendorId  USB vendor id, four lowercase hex digits, or "" when the OS does not tell
 * @param productId USB product id, four lowercase hex digits, or ""
 * @param serial    the USB device serial number, or "" (such a device can never be on an allow-list)
 */
public record RemovableVolume(Path root, String label, String vendorId, String productId, String serial) {
    public RemovableVolume {
        Objects.requireNonNull(root, "root");
        label = label == null ? "" : label;
        vendorId = vendorId == null ? "" : vendorId;
        productId = productId == null ? "" : productId;
        serial = serial == null ? "" : serial;
    }

    /** True when the OS gave vendor, product and serial: only then can IT allow the device. */
    public boolean identified() {
        return !vendorId.isEmpty() && !productId.isEmpty() && !serial.isEmpty();
    }

    /** For people and events, e.g. "USB 0781:5581 4C530001 (办公室3号盘)" or "E:\ (U盘)". */
    public String describe() {
        String name = identified() ? "USB " + vendorId + ":" + productId + " " + serial : root.toString();
        return label.isEmpty() ? name : name + " (" + label + ")";
    }
}
