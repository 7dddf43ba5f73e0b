package org.secrecyguard.ui;

import java.nio.file.Path;
import java.util.List;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;

/**
 * The verdict for one file checked from the check-a-file window.
 *
 * @param verdict "allow", "warn", "block" or "error" (as in {@code scan --json})
 * @param level   highest level found or null
 * @param message for errors, why the file could not be checked; else notes or ""
 */
public record FileCheckResult(Path path, String verdict, Level level, List<Finding> findings, String message,
                              long millis) {
    public FileCheckResult {
        findings = List.copyOf(findings);
        message = message == null ? "" : message;
    }
}
