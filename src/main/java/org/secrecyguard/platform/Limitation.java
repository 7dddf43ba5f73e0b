package org.secrecyguard.platform;

import java.util.Locale;

/**
 * Something this desktop cannot do for the guard. The tray shows each one as a reason for the
 * "degraded" state; {@link #code()} is the key the UI translates.
 */
public enum Limitation {
    /** Wayland session without an X display: the clipboard and foreground window cannot be watched. */
    WAYLAND_WITHOUT_X11,
    /** Wayland session with XWayland: only X11 applications are seen in the foreground. */
    WAYLAND_PARTIAL,
    /** No graphical session at all (no DISPLAY on Linux). */
    NO_DISPLAY,
    /** libXfixes could not be loaded: the clipboard is polled instead of watched. */
    XFIXES_MISSING,
    /** The foreground application cannot be identified on this desktop. */
    FOREGROUND_UNKNOWN,
    /** The clipboard watch failed at runtime. */
    CLIPBOARD_WATCH_FAILED,
    /** The removable drives mounted now cannot be listed: files copied to USB drives are not seen. */
    REMOVABLE_MEDIA_UNKNOWN,
    /** Screenshot keys cannot be watched (no XRecord, Wayland, hook refused): screenshots are not checked. */
    SCREENSHOT_KEYS_UNAVAILABLE,
    /** Opens cannot be held for a decision (no fanotify permission events, not root): files are only seen after. */
    ON_ACCESS_UNAVAILABLE,
    /** File pickers of other programs cannot be watched (no WinEvent hook): files chosen in them are not stopped. */
    FILE_PICKER_UNAVAILABLE;

    /** Stable key, e.g. "wayland-without-x11". */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
