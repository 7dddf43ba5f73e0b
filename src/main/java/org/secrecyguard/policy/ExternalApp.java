package org.secrecyguard.policy;

import java.util.Locale;
import java.util.Objects;

/**
 * An application through which material leaves the PC (a chat client, a browser, a cloud drive).
 *
 * @param name   process image name as the OS reports it, e.g. "WeChat.exe" or "wechat"; compared
 *               without case and without any directory part
 * @param family display group, e.g. "WeChat", "browser"; "custom" for names IT added by hand
 */
public record ExternalApp(String name, String family) {
    public ExternalApp {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("application name is empty");
        }
        name = name.trim();
        family = family == null || family.isBlank() ? "custom" : family.trim();
    }

    /** True when a process name or path names this application ("C:\\...\\WeChat.exe" matches "wechat.exe"). */
    public boolean matches(String processNameOrPath) {
        return name.toLowerCase(Locale.ROOT).equals(baseName(processNameOrPath));
    }

    /** The file name of a process path, lower-cased, with either kind of separator removed. */
    static String baseName(String processNameOrPath) {
        String s = processNameOrPath.trim();
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return s.substring(cut + 1).toLowerCase(Locale.ROOT);
    }
}
