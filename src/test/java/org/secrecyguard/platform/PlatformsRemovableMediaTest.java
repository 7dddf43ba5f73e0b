package org.secrecyguard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which removable-drive adapter each desktop gets, chosen once like the other adapters. */
class PlatformsRemovableMediaTest {
    @Test
    void everyLinuxSessionReadsSysfsEvenWithoutADisplay() {
        for (Map<String, String> env : List.of(Map.of("DISPLAY", ":0"), Map.<String, String>of(),
                Map.of("XDG_SESSION_TYPE", "wayland"), Map.of("WAYLAND_DISPLAY", "wayland-0", "DISPLAY", ":1"))) {
            Platforms p = Platforms.forSession(DesktopSession.of("Linux", env));
            assertEquals("linux-sysfs", p.removableMedia().name(), env.toString());
            assertFalse(p.limitations().contains(Limitation.REMOVABLE_MEDIA_UNKNOWN), env.toString());
        }
    }

    @Test
    void windowsGetsTheWindowsAdapterWithoutLoadingWin32AtStartUp() {
        Platforms p = Platforms.forSession(DesktopSession.of("Windows 11", Map.of()));

        assertEquals("windows-setupapi", p.removableMedia().name());
    }

    @Test
    void otherSystemsSayDrivesCannotBeListed() {
        Platforms p = Platforms.forSession(DesktopSession.of("Mac OS X", Map.of()));

        PlatformUnavailableException e = assertThrows(PlatformUnavailableException.class,
                () -> p.removableMedia().volumes());
        assertEquals(Limitation.REMOVABLE_MEDIA_UNKNOWN, e.limitation());
        assertTrue(p.limitations().contains(Limitation.REMOVABLE_MEDIA_UNKNOWN));
    }
}
