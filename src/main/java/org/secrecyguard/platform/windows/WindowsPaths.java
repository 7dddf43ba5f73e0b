package org.secrecyguard.platform.windows;

import java.util.Optional;

/**
 * Windows path strings, handled as text so that the dialog logic gives the same answer when it is
 * tested on Linux (where {@link java.nio.file.Path} would not know "C:\" as absolute).
 */
public final class WindowsPaths {
    private WindowsPaths() {
    }

    /** "C:\..." or "C:/...", or a UNC path "\\server\share\...". */
    public static boolean isAbsolute(String path) {
        if (path == null || path.length() < 3) {
            return false;
        }
        boolean drive = Character.isLetter(path.charAt(0)) && path.charAt(1) == ':'
                && (path.charAt(2) == '\\' || path.charAt(2) == '/');
        return drive || path.startsWith("\\\\");
    }

    /**
     * The file a dialog's name means: an absolute name as it is, a relative one (also "sub\name")
     * under the folder shown; empty when it is relative and no folder is known.
     */
    public static Optional<String> resolve(Optional<String> folder, String name) {
        if (isAbsolute(name)) {
            return Optional.of(name);
        }
        if (folder.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        String f = folder.get();
        String rel = name.startsWith("\\") || name.startsWith("/") ? name.substring(1) : name;
        return Optional.of(f.endsWith("\\") || f.endsWith("/") ? f + rel : f + "\\" + rel);
    }
}
