package org.secrecyguard.app;

import java.nio.file.Path;
import java.util.Map;
import org.secrecyguard.platform.OsFamily;

/**
 * Where an installed PC keeps what IT owns and users may only read: the site settings, the system
 * service's folder (rules, updater state, its event log) and the socket to the tray apps. Linux: the
 * .deb's {@code /etc/secrecy-guard} and {@code /var/lib/secrecy-guard}; Windows: the MSI's
 * {@code %ProgramData%\SecrecyGuard} (installer/windows/secrecy-guard.wxs sets its ACL).
 *
 * @param siteFile      the site settings file
 * @param serviceHome   the service's data folder
 * @param serviceSocket the socket the service listens on for tray apps (Windows: the service listens on a
 *                      named pipe instead, and this path means its default name: platform.windows.PipeName)
 */
record InstalledPaths(Path siteFile, Path serviceHome, Path serviceSocket) {
    static final InstalledPaths CURRENT = of(OsFamily.current(), System.getenv());

    static InstalledPaths of(OsFamily os, Map<String, String> env) {
        if (os == OsFamily.WINDOWS) {
            String programData = env.getOrDefault("ProgramData", env.getOrDefault("PROGRAMDATA", ""));
            Path base = Path.of(programData.isBlank() ? "C:\\ProgramData" : programData, "SecrecyGuard");
            return new InstalledPaths(base.resolve("site.properties"), base.resolve("state"),
                    base.resolve("run").resolve("guard.sock"));
        }
        return new InstalledPaths(Path.of("/etc/secrecy-guard/site.properties"), Path.of("/var/lib/secrecy-guard"),
                Path.of("/run/secrecy-guard/guard.sock"));
    }
}
