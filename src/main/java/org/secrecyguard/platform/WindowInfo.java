package org.secrecyguard.platform;

import java.util.Locale;
import java.util.Objects;

/**
 * The application behind the window that has the keyboard focus.
 *
 * @param appName    executable name without directory and without ".exe", e.g. "WeChat", "wechat",
 *                   "firefox-esr"; never null, may be "" when unknown
 * @param pid        process id, or -1 when unknown
 * @param executable full executable path when known, else ""
 * @param title      window title when known, else ""
 * @param windowClass window class (WM_CLASS on X11, class name on Windows) when known, else ""
 */
public record WindowInfo(String appName, long pid, String executable, String title, String windowClass) {
    public WindowInfo {
        appName = appName == null ? "" : appName;
        executable = executable == null ? "" : executable;
        title = title == null ? "" : title;
        windowClass = windowClass == null ? "" : windowClass;
    }

    /**
     * The process image name as the OS reports it ("WeChat.exe", "wechat"): the file name of the
     * executable when known, else the application name. Policies list applications by this name.
     */
    public String processName() {
        if (executable.isBlank()) {
            return appName;
        }
        String p = executable.trim();
        String file = p.substring(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
        return file.endsWith(" (deleted)") ? file.substring(0, file.length() - " (deleted)".length()) : file;
    }

    /** The application name reduced to a comparison key: lower case, no ".exe" suffix. */
    public String appKey() {
        return appKeyOf(appName);
    }

    /** Lower-case name without a ".exe" suffix, for matching against lists of applications. */
    public static String appKeyOf(String name) {
        String n = Objects.requireNonNullElse(name, "").trim().toLowerCase(Locale.ROOT);
        return n.endsWith(".exe") ? n.substring(0, n.length() - 4) : n;
    }

    /** The file name of a path with either separator, without ".exe": "C:\\x\\WeChat.exe" → "WeChat". */
    public static String appNameFromPath(String path) {
        if (path == null || path.isBlank()) {
            return "";
        }
        String p = path.trim();
        int cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        String file = p.substring(cut + 1);
        // Linux appends " (deleted)" to /proc/PID/exe when the binary was replaced by an update.
        if (file.endsWith(" (deleted)")) {
            file = file.substring(0, file.length() - " (deleted)".length());
        }
        return file.toLowerCase(Locale.ROOT).endsWith(".exe") ? file.substring(0, file.length() - 4) : file;
    }
}
