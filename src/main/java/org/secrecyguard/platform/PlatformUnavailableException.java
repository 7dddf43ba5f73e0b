package org.secrecyguard.platform;

/**
 * A platform capability cannot work on this desktop (no X display, missing native library, Wayland).
 * The {@link #limitation()} lets the tray say which capability is missing instead of failing silently.
 */
public class PlatformUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Limitation limitation;

    public PlatformUnavailableException(Limitation limitation, String message, Throwable cause) {
        super(message, cause);
        this.limitation = limitation;
    }

    public PlatformUnavailableException(Limitation limitation, String message) {
        this(limitation, message, null);
    }

    public Limitation limitation() {
        return limitation;
    }
}
