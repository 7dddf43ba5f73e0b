package org.secrecyguard.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.secrecyguard.platform.OsFamily;

/**
 * The user's Documents folder, where chat applications keep their files: on Linux the XDG setting
 * ({@code ~/.config/user-dirs.dirs}; a Chinese desktop may call it ~/文档), else ~/Documents; on Windows
 * the known folder FOLDERID_Documents, which follows a redirection (OneDrive, D:\) set by policy.
 */
final class DocumentsFolder {
    private static final Pattern XDG = Pattern.compile("^XDG_DOCUMENTS_DIR=\"(.*)\"\\s*$", Pattern.MULTILINE);

    private DocumentsFolder() {
    }

    /** The current user's Documents folder on this OS. */
    static Path current() {
        Path home = Path.of(System.getProperty("user.home"));
        if (OsFamily.current().isWindows()) {
            try {
                return Path.of(com.sun.jna.platform.win32.Shell32Util.getKnownFolderPath(
                        com.sun.jna.platform.win32.KnownFolders.FOLDERID_Documents));
            } catch (RuntimeException | LinkageError e) {
                return home.resolve("Documents");
            }
        }
        return of(home);
    }

    static Path of(Path home) {
        Path dirs = home.resolve(".config/user-dirs.dirs");
        if (Files.isRegularFile(dirs)) {
            try {
                Matcher m = XDG.matcher(Files.readString(dirs, StandardCharsets.UTF_8));
                if (m.find()) {
                    String value = m.group(1).replace("$HOME", home.toString());
                    Path p = Path.of(value);
                    if (p.isAbsolute() && !p.equals(home)) {
                        return p;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // fall back to the usual name
            }
        }
        return home.resolve("Documents");
    }
}
