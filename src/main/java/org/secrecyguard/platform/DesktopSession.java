package org.secrecyguard.platform;

import java.util.Locale;
import java.util.Map;

/**
 * What kind of desktop the guard runs on, read from the OS name and the session's environment
 * (DISPLAY, WAYLAND_DISPLAY, XDG_SESSION_TYPE). Pure: tests pass their own environment.
 */
public record DesktopSession(Kind kind, String display) {
    /** The desktop families the guard distinguishes. */
    public enum Kind {
        WINDOWS,
        /** Linux with an X server. */
        X11,
        /** Wayland with an X display (XWayland): X11 works for X clients only. */
        WAYLAND_WITH_XWAYLAND,
        /** Wayland without any X display. */
        WAYLAND,
        /** No graphical session (service, SSH). */
        HEADLESS,
        /** macOS and anything else: generic AWT only. */
        OTHER
    }

    public static DesktopSession detect() {
        return of(System.getProperty("os.name", ""), System.getenv());
    }

    public static DesktopSession of(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new DesktopSession(Kind.WINDOWS, "");
        }
        if (!os.contains("linux") && !os.contains("bsd")) {
            return new DesktopSession(Kind.OTHER, "");
        }
        String display = env.getOrDefault("DISPLAY", "");
        boolean wayland = "wayland".equalsIgnoreCase(env.getOrDefault("XDG_SESSION_TYPE", ""))
                || !env.getOrDefault("WAYLAND_DISPLAY", "").isEmpty();
        if (wayland) {
            return new DesktopSession(display.isEmpty() ? Kind.WAYLAND : Kind.WAYLAND_WITH_XWAYLAND, display);
        }
        return new DesktopSession(display.isEmpty() ? Kind.HEADLESS : Kind.X11, display);
    }
}
