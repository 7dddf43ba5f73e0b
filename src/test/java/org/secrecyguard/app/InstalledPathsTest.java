package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secrecyguard.platform.OsFamily;

/** Where the packages put what IT owns: must match installer/deb and installer/windows/secrecy-guard.wxs. */
class InstalledPathsTest {
    @Test
    void linuxUsesTheDebsFolders() {
        InstalledPaths p = InstalledPaths.of(OsFamily.LINUX, Map.of());
        assertEquals(Path.of("/etc/secrecy-guard/site.properties"), p.siteFile());
        assertEquals(Path.of("/var/lib/secrecy-guard"), p.serviceHome());
        assertEquals(Path.of("/run/secrecy-guard/guard.sock"), p.serviceSocket());
    }

    @Test
    void windowsUsesProgramDataAsTheMsiLaysItOut() {
        InstalledPaths p = InstalledPaths.of(OsFamily.WINDOWS, Map.of("ProgramData", "D:\\PD"));
        assertEquals(Path.of("D:\\PD", "SecrecyGuard", "site.properties"), p.siteFile());
        assertEquals(Path.of("D:\\PD", "SecrecyGuard", "state"), p.serviceHome());
        assertEquals(Path.of("D:\\PD", "SecrecyGuard", "run", "guard.sock"), p.serviceSocket());
        assertEquals(Path.of("C:\\ProgramData", "SecrecyGuard", "state"),
                InstalledPaths.of(OsFamily.WINDOWS, Map.of()).serviceHome());
    }
}
