package org.secrecyguard.selfcheck;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.events.Event;
import org.secrecyguard.events.EventLog;
import org.secrecyguard.platform.BackgroundPriority;
import org.secrecyguard.platform.LocalDisks;
import org.secrecyguard.scan.Scanner;
import org.secrecyguard.scan.Scanners;

/**
 * One self-check as the command line and the tray window run it: opens the index, builds an uncached
 * scanner, runs the check, and records the {@code SELF_CHECK} summary (and a detection per newly
 * flagged file) in the event log for the collector. What differs between callers is in {@link Setup}.
 *
 * @param indexFile    the SQLite index
 * @param engines      the rules in force
 * @param rules        their key (what verdicts depend on)
 * @param rulesVersion the rules' label for events
 * @param events       the event log, or null (no events recorded)
 * @param disks        the OS's disks (default roots, system folders)
 * @param ownFolders   folders of the guard itself, never checked
 * @param busy         when to pause
 * @param priority     how threads are lowered
 * @param threads      files read in parallel
 * @param ocr          whether pictures are read
 * @param tessdata     Tesseract's data folder, or null
 */
public record SelfCheckJob(Path indexFile, Supplier<Engine> engines, RulesKey rules, String rulesVersion,
                           EventLog events, LocalDisks disks, List<Path> ownFolders, BusySignal busy,
                           BackgroundPriority priority, int threads, boolean ocr, Path tessdata) {
    private static final Logger LOG = Logger.getLogger(SelfCheckJob.class.getName());

    /**
     * The default roots: the data roots, plus removable volumes when asked for.
     */
    public List<Path> defaultRoots(boolean removable) {
        List<Path> roots = new ArrayList<>(disks.dataRoots());
        if (removable) {
            roots.addAll(disks.removableRoots());
        }
        return roots;
    }

    /** Runs the check to its end or until cancelled, and records its events. */
    public CheckSummary run(List<Path> roots, boolean full, boolean resume, CheckListener listener, Cancel cancel) {
        CheckSummary summary;
        try (CheckIndex index = CheckIndex.open(indexFile);
             Scanner scanner = Scanners.uncached(engines, ocr, tessdata, priority::lowerCurrentThread)) {
            SelfCheck check = new SelfCheck(scanner, index, rules, new SkippedFolders(disks, ownFolders), busy,
                    priority, Clock.systemDefaultZone(), threads);
            summary = check.run(roots, full, resume, listener, cancel);
        }
        record(summary);
        return summary;
    }

    private void record(CheckSummary summary) {
        if (events == null) {
            return;
        }
        try {
            List<Event> all = new ArrayList<>(SelfCheckEvents.flaggedFiles(summary.flaggedRead(), rulesVersion));
            all.add(SelfCheckEvents.summary(summary, rulesVersion));
            events.appendAll(all);
        } catch (RuntimeException e) {
            // The check's result is in the index and the report; a log that refuses it must not lose them.
            LOG.warning("self-check events not recorded: " + e.getMessage());
        }
    }
}
