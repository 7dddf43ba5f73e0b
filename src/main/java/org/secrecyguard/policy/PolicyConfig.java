package org.secrecyguard.policy;

import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link Policy} decides from, as pushed by IT in a rule bundle.
 *
 * @param matrix          level × channel → action, with optional stricter off-hours actions
 * @param externalApps    per channel, the applications that take material off the PC
 * @param allowedDevices  USB storage devices that may receive work secrets and internal material
 * @param calendar        work hours, holidays and make-up working days
 */
public record PolicyConfig(PolicyMatrix matrix, ExternalApps externalApps, List<UsbDeviceId> allowedDevices,
                           WorkCalendar calendar) {
    public PolicyConfig {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(externalApps, "externalApps");
        allowedDevices = List.copyOf(allowedDevices);
        Objects.requireNonNull(calendar, "calendar");
    }

    /** The built-in configuration: {@link PolicyMatrix#defaults()}, default apps, no devices, Mon–Fri hours. */
    public static PolicyConfig defaults() {
        return new PolicyConfig(PolicyMatrix.defaults(), ExternalApps.defaults(), List.of(), WorkCalendar.defaults());
    }
}
