package org.secrecyguard.cli;

import java.nio.file.Path;
import java.util.Map;
import org.secrecyguard.platform.OsFamily;
import org.secrecyguard.platform.UserDataFolder;

/**
 * The per-user data folder the tray app uses (as {@code app.AppConfig.defaultDataDir}): property {@code secrecyguard.home}, then SECRECY_GUARD_HOME, then the OS's
 * usual place. Commands that share the app's files (the self-check's index and event log) find them here.
 */
final class DataFolder {
    private DataFolder() {
    }

    static Path current() {
        return of(OsFamily.current(), System.getenv(), System.getProperty("user.home"),
                System.getProperty("secrecyguard.home"));
    }

    static Path of(OsFamily os, Map<String, String> env, String userHome, String property) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String override = env.get("SECRECY_GUARD_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return UserDataFolder.of(os, env, userHome);
    }
}
