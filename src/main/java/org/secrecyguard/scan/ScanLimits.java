package org.secrecyguard.scan;

import java.time.Duration;

/**
 * Budgets for one scan, so that no file can hold up a channel or the desktop.
 *
 * @param maxFileBytes  larger files are not read (error row "too large")
 * @param fileBudget    wall time for one file including OCR of its pictures; pictures left when it
 *                      runs out are skipped with a note
 * @param cacheEntries  how many content verdicts to remember (by content hash)
 */
public record ScanLimits(long maxFileBytes, Duration fileBudget, int cacheEntries) {
    public static ScanLimits defaults() {
        return new ScanLimits(200L * 1024 * 1024, Duration.ofSeconds(60), 2048);
    }
}
