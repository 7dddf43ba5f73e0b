package org.secrecyguard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which desktop the guard believes it runs on, and what it then admits it cannot do. */
class DesktopSessionTest {
    @Test
    void waylandWithoutXDisplayIsReportedAsUnwatchable() {
        DesktopSession s = DesktopSession.of("Linux", Map.of("XDG_SESSION_TYPE", "wayland",
                "WAYLAND_DISPLAY", "wayland-0"));
        assertEquals(DesktopSession.Kind.WAYLAND, s.kind());
        Platforms p = Platforms.forSession(s);
        assertEquals(List.of(Limitation.WAYLAND_WITHOUT_X11), p.limitations());
        PlatformUnavailableException e = assertThrows(PlatformUnavailableException.class,
                () -> p.newClipboardWatch().start(t -> { }));
        assertEquals(Limitation.WAYLAND_WITHOUT_X11, e.limitation());
        assertFalse(p.foregroundWindow().supported());
    }

    @Test
    void waylandWithXWaylandWatchesX11ButSaysItIsPartial() {
        DesktopSession s = DesktopSession.of("Linux", Map.of("XDG_SESSION_TYPE", "wayland", "DISPLAY", ":0"));
        assertEquals(DesktopSession.Kind.WAYLAND_WITH_XWAYLAND, s.kind());
        Platforms p = Platforms.forSession(s);
        assertEquals(List.of(Limitation.WAYLAND_PARTIAL), p.limitations());
        assertEquals("X11 XFixes", p.newClipboardWatch().name());
    }

    @Test
    void x11SessionHasNoLimitations() {
        Platforms p = Platforms.forSession(DesktopSession.of("Linux", Map.of("DISPLAY", ":1",
                "XDG_SESSION_TYPE", "x11")));
        assertTrue(p.limitations().isEmpty());
        assertTrue(p.foregroundWindow().supported());
    }

    @Test
    void windowsUsesTheClipboardListener() {
        Platforms p = Platforms.forSession(DesktopSession.of("Windows 11", Map.of()));
        assertEquals("Windows clipboard listener", p.newClipboardWatch().name());
        assertTrue(p.limitations().isEmpty());
    }

    @Test
    void noGraphicalSessionIsNotSilentlyIgnored() {
        Platforms p = Platforms.forSession(DesktopSession.of("Linux", Map.of()));
        assertEquals(List.of(Limitation.NO_DISPLAY), p.limitations());
    }

    @Test
    void otherSystemsPollTheClipboard() {
        Platforms p = Platforms.forSession(DesktopSession.of("Mac OS X", Map.of()));
        assertEquals("polling 250 ms", p.newClipboardWatch().name());
        assertEquals(List.of(Limitation.FOREGROUND_UNKNOWN, Limitation.REMOVABLE_MEDIA_UNKNOWN), p.limitations());
    }
}
