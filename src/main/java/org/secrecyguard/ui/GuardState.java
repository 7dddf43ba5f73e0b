package org.secrecyguard.ui;

import java.util.Locale;

/** What the tray icon shows, in rising order of urgency. */
public enum GuardState {
    /** Every channel works (green shield). */
    PROTECTED,
    /** A channel or OCR is unavailable; the tooltip says which (amber shield). */
    DEGRADED,
    /** Something was blocked recently (red shield). */
    ALERT;

    /** File-name stem of the icon, e.g. "protected". */
    public String iconName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
