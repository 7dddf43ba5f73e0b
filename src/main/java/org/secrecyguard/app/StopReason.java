package org.secrecyguard.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Why the service is being stopped, when root said so before stopping it: the package's prerm writes
 * {@code stop-reason} into the service's root-owned folder ("package removal") before it asks systemd
 * to stop the unit, so the AGENT_STOPPED event names the removal instead of a bare stop. Users cannot
 * write the folder, so they cannot forge or hide a reason. Read once and deleted, so a later stop of
 * another kind is not blamed on it.
 */
final class StopReason {
    static final String FILE = "stop-reason";
    private static final int MAX_CHARS = 200;
    private static final Logger LOG = Logger.getLogger(StopReason.class.getName());

    private StopReason() {
    }

    /** The reason root left in {@code home}, one line and short, or "" when there is none. */
    static String take(Path home) {
        Path file = home.resolve(FILE);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 4096) {
                Files.deleteIfExists(file);
                return "";
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
            Files.delete(file);
            return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "stop reason in " + file + " unreadable", e);
            return "";
        }
    }
}
