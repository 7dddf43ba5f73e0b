package org.secrecyguard.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where each OS keeps a user's application data: the one rule for the tray app's folder, which the
 * command line (self-check index, event log) must find too.
 */
public final class UserDataFolder {
    private UserDataFolder() {
    }

    /** {@code %LOCALAPPDATA%\SecrecyGuard}, {@code ~/Library/Application Support/SecrecyGuard}, or XDG's data home. */
    public static Path of(OsFamily os, Map<String, String> env, String userHome) {
        if (os == OsFamily.WINDOWS) {
            String local = env.get("LOCALAPPDATA");
            return local != null && !local.isBlank() ? Path.of(local, "SecrecyGuard")
                    : Path.of(userHome, "AppData", "Local", "SecrecyGuard");
        }
        if (os == OsFamily.MACOS) {
            return Path.of(userHome, "Library", "Application Support", "SecrecyGuard");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "secrecy-guard")
                : Path.of(userHome, ".local", "share", "secrecy-guard");
    }
}
