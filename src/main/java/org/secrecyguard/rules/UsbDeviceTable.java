package org.secrecyguard.rules;

import static org.secrecyguard.rules.SqlSupport.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.policy.UsbDeviceId;

/** The {@code usb_device} table: the USB allow-list, one row per vendor, product and serial. */
final class UsbDeviceTable {
    private final Connection c;

    UsbDeviceTable(Connection c) {
        this.c = c;
    }

    /** Adds the device or gives an existing one the new label; false when nothing changed. */
    boolean allow(UsbDeviceId device) throws SQLException {
        return update(c, "INSERT INTO usb_device (vendor_id, product_id, serial, label) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT(vendor_id, product_id, serial) DO UPDATE SET label = excluded.label"
                        + " WHERE label <> excluded.label",
                device.vendorId(), device.productId(), device.serial(), device.label()) > 0;
    }

    boolean revoke(UsbDeviceId device) throws SQLException {
        return update(c, "DELETE FROM usb_device WHERE vendor_id = ? AND product_id = ? AND serial = ?",
                device.vendorId(), device.productId(), device.serial()) > 0;
    }

    List<UsbDeviceId> read() throws SQLException {
        List<UsbDeviceId> list = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT vendor_id, product_id, serial, label FROM usb_device ORDER BY rowid")) {
            while (rs.next()) {
                list.add(new UsbDeviceId(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return list;
    }
}
