package org.secrecyguard.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.secrecyguard.selfcheck.CheckListener;
import org.secrecyguard.selfcheck.CheckProgress;
import org.secrecyguard.selfcheck.CheckSummary;

/** The self-check's progress on stderr: a line every two seconds, at each new phase, and when pausing or resuming. */
final class CliCheckProgress implements CheckListener {
    private static final long EVERY_NANOS = 2_000_000_000L;
    private final PrintWriter err;
    private long last;
    private boolean paused;
    private CheckProgress.Phase phase;

    CliCheckProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void progress(CheckProgress p) {
        long now = System.nanoTime();
        boolean pauseChanged = p.paused() != paused;
        paused = p.paused();
        boolean phaseChanged = p.phase() != phase;
        phase = p.phase();
        if (!pauseChanged && !phaseChanged && now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        err.println(line(p));
        err.flush();
    }

    static String line(CheckProgress p) {
        String text = switch (p.phase()) {
            case WALKING -> String.format(Locale.ROOT, "check: listing files, %,d so far", p.filesSeen());
            case READING -> String.format(Locale.ROOT, "check: read %,d/%,d files, %s/%s, %d flagged%s",
                    p.filesRead(), p.filesToRead(), mb(p.bytesRead()), mb(p.bytesToRead()), p.flagged(), eta(p.etaMillis()));
            case DONE -> String.format(Locale.ROOT, "check: %,d files listed, %,d read", p.filesSeen(), p.filesRead());
        };
        return p.paused() ? text + " (paused: the user is working)" : text;
    }

    void summary(CheckSummary s) {
        err.println(String.format(Locale.ROOT, "check %s: %,d files (%s) under %d roots; read %,d (%s), unchanged %,d,"
                        + " clean after rules removal %,d; flagged %d %s; not checked %d %s; %.1f s",
                s.completed() ? "done" : "stopped (continue with --resume)", s.filesSeen(), mb(s.bytesSeen()),
                s.roots().size(), s.filesRead(), mb(s.bytesRead()), s.filesUnchanged(), s.filesRekeyed(),
                s.flaggedCount(), s.flaggedByLevel(), s.errorCount(), s.errorsByKind(), s.durationMillis() / 1000.0));
        err.flush();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static String eta(long millis) {
        if (millis < 0) {
            return "";
        }
        long s = millis / 1000;
        return s < 60 ? ", about " + s + " s left" : String.format(Locale.ROOT, ", about %d min left", (s + 59) / 60);
    }
}
