package org.secrecyguard.platform;

import java.util.List;

/**
 * Lists the removable storage volumes mounted right now. The drive channel polls it (a few times a
 * minute costs nothing) rather than depending on per-OS device notifications.
 */
public interface RemovableMedia {
    /**
     * The removable volumes mounted now, in a stable order; empty when there are none.
     *
     * @throws PlatformUnavailableException when the OS cannot be asked at all (the channel reports DOWN)
     */
    List<RemovableVolume> volumes();

    /** A short name for logs, e.g. "linux-sysfs". */
    String name();
}
