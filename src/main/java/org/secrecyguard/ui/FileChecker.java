package org.secrecyguard.ui;

import java.nio.file.Path;

/**
 * Checks one file for the check-a-file window. Called off the FX thread; must return (not throw)
 * an "error" result for files it cannot read, and keep to the scanner's time budget.
 */
@FunctionalInterface
public interface FileChecker {
    FileCheckResult check(Path file);
}
