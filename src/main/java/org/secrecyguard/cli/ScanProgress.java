package org.secrecyguard.cli;

import java.io.PrintWriter;

/** Progress on stderr for long scans: at most one line a second, only when there are many files. */
final class ScanProgress {
    private static final int MIN_FILES = 20;
    private final PrintWriter err;
    private final int total;
    private final long startNanos = System.nanoTime();
    private int done;
    private long lastPrint = System.nanoTime();

    ScanProgress(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    void step() {
        done++;
        long now = System.nanoTime();
        if (total >= MIN_FILES && now - lastPrint > 1_000_000_000L) {
            lastPrint = now;
            err.printf("scanned %d/%d files%n", done, total);
            err.flush();
        }
    }

    void done() {
        if (total >= MIN_FILES) {
            err.printf("scanned %d files in %.1f s%n", done, (System.nanoTime() - startNanos) / 1e9);
            err.flush();
        }
    }
}
