package org.secrecyguard.platform;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.secrecyguard.platform.linux.UnixSocketChannels;
import org.secrecyguard.platform.windows.NamedPipeChannels;

/** Which transport the service and the tray apps use, chosen once per OS. */
class PlatformsServiceChannelsTest {
    @Test
    void windowsUsesTheNamedPipeAndChoosingItLoadsNoWin32Library() {
        // On Linux, loading kernel32 through JNA throws UnsatisfiedLinkError: choosing must not load it.
        assertInstanceOf(NamedPipeChannels.class, Platforms.serviceChannels(OsFamily.WINDOWS));
    }

    @Test
    void everyOtherOsUsesTheUnixSocket() {
        assertInstanceOf(UnixSocketChannels.class, Platforms.serviceChannels(OsFamily.LINUX));
        assertInstanceOf(UnixSocketChannels.class, Platforms.serviceChannels(OsFamily.MACOS));
    }
}
