package org.secrecyguard.platform;

import java.util.logging.Logger;

/**
 * Whether the PC runs on battery, so that background work (the self-check) waits for the charger
 * instead of draining a laptop. Answered by OSHI, which reads each OS's own power API (sysfs
 * power_supply on Linux, GetSystemPowerStatus on Windows); any failure counts as mains power.
 */
public final class BatteryPower {
    private static final Logger LOG = Logger.getLogger(BatteryPower.class.getName());

    private BatteryPower() {
    }

    /** True when some battery is discharging with no mains power. */
    public static boolean onBattery() {
        try {
            for (oshi.hardware.PowerSource p : new oshi.SystemInfo().getHardware().getPowerSources()) {
                if (!p.isPowerOnLine() && p.isDischarging()) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException | LinkageError e) {
            LOG.fine(() -> "power source unknown: " + e);
            return false;
        }
    }
}
