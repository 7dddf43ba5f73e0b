package org.secrecyguard.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secrecyguard.platform.windows.Win32FileHold;

/** Only Windows gets the picker channel: on Linux the system service holds opens itself. */
class PlatformsFilePickersTest {
    @Test
    void windowsGetsThePickerWatchAndTheShareModeHoldWithoutLoadingWin32() {
        Platforms p = Platforms.forSession(DesktopSession.of("Windows 11", Map.of()));
        Platforms.FilePickers pickers = p.filePickers().orElseThrow();
        assertTrue(pickers.hold() instanceof Win32FileHold);
    }

    @Test
    void linuxDesktopsHaveNoPickerChannel() {
        assertFalse(Platforms.forSession(DesktopSession.of("Linux", Map.of("DISPLAY", ":0"))).filePickers().isPresent());
        assertFalse(Platforms.forSession(DesktopSession.of("Linux", Map.of())).filePickers().isPresent());
    }
}
