package org.secrecyguard.platform;

import java.util.Locale;

/**
 * The operating system family this JVM runs on, read from {@code os.name}. The one place outside the
 * adapters that looks at the OS name: other packages ask {@link #current()} instead of testing the
 * property themselves. Pure apart from {@link #current()}: tests pass their own OS name to {@link #of}.
 */
public enum OsFamily {
    WINDOWS,
    LINUX,
    MACOS,
    /** BSD, Solaris, an empty name and anything else. */
    OTHER;

    /** The family of this JVM's OS. */
    public static OsFamily current() {
        return of(System.getProperty("os.name", ""));
    }

    /** The family an {@code os.name} value names ("Windows 11", "Linux", "Mac OS X"); null counts as OTHER. */
    public static OsFamily of(String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return WINDOWS;
        }
        if (os.contains("linux")) {
            return LINUX;
        }
        if (os.contains("mac")) {
            return MACOS;
        }
        return OTHER;
    }

    public boolean isWindows() {
        return this == WINDOWS;
    }

    public boolean isLinux() {
        return this == LINUX;
    }
}
