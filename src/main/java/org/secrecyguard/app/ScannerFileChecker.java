package org.secrecyguard.app;

import java.nio.file.Path;
import java.util.Locale;
import org.secrecyguard.policy.DefaultPolicy;
import org.secrecyguard.scan.ScanResult;
import org.secrecyguard.scan.Scanner;
import org.secrecyguard.ui.FileCheckResult;
import org.secrecyguard.ui.FileChecker;

/**
 * The check-a-file window's checker: the real scanner, with the verdict word the {@code scan} command
 * prints (what the default policy would do on an outbound channel).
 */
final class ScannerFileChecker implements FileChecker {
    private final Scanner scanner;

    ScannerFileChecker(Scanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public FileCheckResult check(Path file) {
        ScanResult r = scanner.scanFile(file);
        String verdict = r.isError() && r.verdict().isClean() ? "error"
                : switch (DefaultPolicy.outbound(r.verdict())) {
                    case ALLOW, AUDIT -> "allow";
                    case WARN -> "warn";
                    default -> "block";
                };
        String message = r.isError() ? r.message() : String.join("; ", r.notes());
        return new FileCheckResult(file, verdict.toLowerCase(Locale.ROOT), r.level().orElse(null),
                r.verdict().findings(), message, r.millis());
    }
}
