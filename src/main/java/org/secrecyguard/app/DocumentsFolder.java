package org.secrecyguard.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's Documents folder, where chat applications keep their files: on Linux the XDG setting
 * ({@code ~/.config/user-dirs.dirs}; a Chinese desktop may call it ~/文档), else ~/Documents; on Windows
 * %USERPROFILE%\Documents (a folder redirected elsewhere by policy is not followed yet).
 */
final class DocumentsFolder {
    private static final Pattern XDG = Pattern.compile("^XDG_DOCUMENTS_DIR=\"(.*)\"\\s*$", Pattern.MULTILINE);

    private DocumentsFolder() {
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
