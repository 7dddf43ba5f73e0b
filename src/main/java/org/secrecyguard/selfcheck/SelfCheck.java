package org.secrecyguard.selfcheck;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.secrecyguard.engine.Level;
import org.secrecyguard.platform.BackgroundPriority;
import org.secrecyguard.scan.ContentHash;
import org.secrecyguard.scan.ScanResult;
import org.secrecyguard.scan.Scanner;

/**
 * Runs one self-check: lists the files under the roots (links not followed, {@link SkippedFolders}
 * left out), decides from the {@link CheckIndex} which need reading (new, changed, judged by other
 * rules, or all with {@code full}), reads those on low-priority workers that wait while the user is
 * busy, and records each verdict in the index in batches, so a stopped or killed check resumes with
 * what is left. Files that vanished are forgotten when a walk completes. Call {@link #run} on a thread
 * of its own: it lowers that thread's priority too.
 */
public final class SelfCheck {
    private static final Logger LOG = Logger.getLogger(SelfCheck.class.getName());
    static final int MAX_DEPTH = 64;
    static final int BATCH = 256;
    static final long BATCH_MILLIS = 2_000;
    static final long PROGRESS_MILLIS = 250;
    static final long BUSY_POLL_MILLIS = 1_000;

    private final Scanner scanner;
    private final CheckIndex index;
    private final RulesKey rules;
    private final SkippedFolders skipped;
    private final BusySignal busy;
    private final BackgroundPriority priority;
    private final Clock clock;
    private final int threads;

    public SelfCheck(Scanner scanner, CheckIndex index, RulesKey rules, SkippedFolders skipped, BusySignal busy,
                     BackgroundPriority priority, Clock clock, int threads) {
        this.scanner = scanner;
        this.index = index;
        this.rules = rules;
        this.skipped = skipped;
        this.busy = busy;
        this.priority = priority;
        this.clock = clock;
        this.threads = Math.max(1, threads);
    }

    /**
     * Checks the roots.
     *
     * @param roots  folders or files; empty with {@code resume} means the interrupted run's roots
     * @param full   read every file again, whatever the index says
     * @param resume continue the last run if it did not finish (else a new run starts)
     */
    public CheckSummary run(List<Path> roots, boolean full, boolean resume, CheckListener listener, Cancel cancel) {
        priority.lowerCurrentThread();
        long startNanos = System.nanoTime();
        index.rememberRules(rules);
        CheckIndex.Run run = null;
        if (resume) {
            run = index.unfinishedRun().orElse(null);
        }
        boolean resumed = run != null;
        if (run == null) {
            List<Path> abs = roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
            // A root inside another root is walked with it, not twice.
            List<String> names = abs.stream().filter(p -> abs.stream().noneMatch(o -> !o.equals(p) && p.startsWith(o)))
                    .map(Path::toString).toList();
            if (names.isEmpty()) {
                throw new IllegalArgumentException("nothing to check: no folders given and no interrupted check to resume");
            }
            run = index.beginRun(names, full, clock.millis());
        } else {
            index.updateRun(run.id(), "RUNNING", 0, 0, 0, null);
        }
        Segment segment = new Segment(run, resumed, listener, cancel, startNanos);
        segment.walk();
        if (!cancel.isCancelled()) {
            segment.read();
        }
        return segment.finish();
    }

    /** One run's work in this process (a resumed run has several segments). */
    private final class Segment {
        private final CheckIndex.Run run;
        private final boolean full;
        private final boolean resumed;
        private final CheckListener listener;
        private final Cancel cancel;
        private final long startNanos;
        private final List<Path> toRead = new ArrayList<>();
        private final Map<Path, FileStamp> stamps = new HashMap<>();
        private final Map<String, Set<String>> itemsByKey = new HashMap<>();
        private final List<IndexedFile> pending = new ArrayList<>();   // guarded by itself
        private long lastFlush = System.currentTimeMillis();            // guarded by pending
        private long flushedFiles;                                       // guarded by pending
        private long flushedBytes;                                       // guarded by pending
        private long filesSeen;
        private long bytesSeen;
        private long unchanged;
        private long rekeyed;
        private long bytesToRead;
        private final AtomicLong filesRead = new AtomicLong();
        private final AtomicLong bytesRead = new AtomicLong();
        private final AtomicLong flaggedNow = new AtomicLong();
        private volatile boolean paused;
        private long readingStartNanos;
        private long lastProgress;                                       // guarded by this

        Segment(CheckIndex.Run run, boolean resumed, CheckListener listener, Cancel cancel, long startNanos) {
            this.run = run;
            this.resumed = resumed;
            this.full = run.full();
            this.listener = listener;
            this.cancel = cancel;
            this.startNanos = startNanos;
        }

        void walk() {
            List<String> clean = new ArrayList<>();
            List<String> gone = new ArrayList<>();
            for (String rootName : run.roots()) {
                if (cancel.isCancelled()) {
                    return;
                }
                Path root = Path.of(rootName);
                Map<String, IndexedFile> known = index.filesUnder(rootName);
                List<Path> failedDirs = new ArrayList<>();
                boolean walked = walkRoot(root, known, clean, failedDirs);
                if (walked && !cancel.isCancelled() && Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                    // What the walk did not meet is gone, unless its folder could not be read (or the root
                    // is missing: an unmounted data disk keeps its rows until it is back).
                    for (String path : known.keySet()) {
                        Path p = Path.of(path);
                        if (failedDirs.stream().noneMatch(p::startsWith)) {
                            gone.add(path);
                        }
                    }
                }
            }
            if (!clean.isEmpty()) {
                index.rekey(clean, rules.key());
            }
            if (!gone.isEmpty()) {
                index.removeAll(gone);
            }
            toRead.sort(null);
        }

        private boolean walkRoot(Path root, Map<String, IndexedFile> known, List<String> clean, List<Path> failedDirs) {
            if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    BasicFileAttributes attrs = Files.readAttributes(root, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (attrs.isRegularFile()) {
                        consider(root, attrs, known, clean);
                    }
                } catch (IOException e) {
                    return false;
                }
                return true;
            }
            try {
                Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (cancel.isCancelled()) {
                            return FileVisitResult.TERMINATE;
                        }
                        return !dir.equals(root) && skipped.skips(dir, root) ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            consider(file, attrs, known, clean);
                            if ((filesSeen & 1023) == 0) {
                                waitWhileBusy();
                                progress(CheckProgress.Phase.WALKING, false);
                            }
                        }
                        return cancel.isCancelled() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        failedDirs.add(file);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                LOG.info(() -> "self-check could not walk " + root + ": " + e);
                return false;
            }
            return true;
        }

        /** Decides whether one listed file needs reading. */
        private void consider(Path file, BasicFileAttributes attrs, Map<String, IndexedFile> known, List<String> clean) {
            filesSeen++;
            bytesSeen += attrs.size();
            FileStamp stamp = FileStamp.of(attrs);
            IndexedFile row = known.remove(file.toString());
            if (row != null && row.stamp().equals(stamp)) {
                if (row.checkedRun() == run.id()) {
                    return; // read by an earlier segment of this run (resume)
                }
                if (!full && row.rulesKey().equals(rules.key())) {
                    unchanged++;
                    return;
                }
                if (!full && !row.flagged() && !row.error() && rules.onlyRemovesFrom(itemsOf(row.rulesKey()))) {
                    clean.add(row.path());
                    rekeyed++;
                    return;
                }
            }
            toRead.add(file);
            stamps.put(file, stamp);
            bytesToRead += attrs.size();
        }

        private Set<String> itemsOf(String key) {
            return itemsByKey.computeIfAbsent(key, index::rulesItems);
        }

        void read() {
            readingStartNanos = System.nanoTime();
            progress(CheckProgress.Phase.READING, true);
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(() -> {
                    priority.lowerCurrentThread();
                    r.run();
                }, "self-check");
                t.setDaemon(true);
                return t;
            });
            try {
                for (Path file : toRead) {
                    pool.execute(() -> readOne(file));
                }
                pool.shutdown();
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    progress(CheckProgress.Phase.READING, false);
                }
            } catch (InterruptedException e) {
                cancel.cancel();
                Thread.currentThread().interrupt();
            } finally {
                pool.shutdownNow();
            }
        }

        private void readOne(Path file) {
            waitWhileBusy();
            if (cancel.isCancelled()) {
                return;
            }
            FileStamp stamp = stamps.get(file);
            ScanResult r = scanner.scanFile(file);
            if (r.isError() && cancel.isCancelled()) {
                return; // cut short by the stop, most likely: not a row, so that the resumed run reads it
            }
            String word = VerdictWord.of(r);
            String level = r.level().map(Level::name).orElse(null);
            String sha = null;
            if (level != null) {
                try {
                    sha = ContentHash.of(file); // only flagged files: which copy it was, for the office
                } catch (IOException e) {
                    sha = null;
                }
            }
            String message = r.isError() ? r.message() : String.join("; ", r.notes());
            IndexedFile row = new IndexedFile(file.toString(), stamp, rules.key(), word, level,
                    FindingsJson.write(r.verdict().findings()), sha, r.isError(), message, run.id());
            filesRead.incrementAndGet();
            bytesRead.addAndGet(stamp.size());
            if (row.flagged()) {
                flaggedNow.incrementAndGet();
                listener.flagged(FlaggedFile.of(row));
            }
            add(row);
            progress(CheckProgress.Phase.READING, false);
        }

        private void add(IndexedFile row) {
            synchronized (pending) {
                pending.add(row);
                if (pending.size() >= BATCH || System.currentTimeMillis() - lastFlush > BATCH_MILLIS) {
                    flushLocked();
                }
            }
        }

        private void flushLocked() {
            long files = pending.size();
            long bytes = pending.stream().mapToLong(f -> f.stamp().size()).sum();
            index.putAll(List.copyOf(pending));
            pending.clear();
            index.updateRun(run.id(), "RUNNING", files, bytes, 0, null);
            flushedFiles += files;
            flushedBytes += bytes;
            lastFlush = System.currentTimeMillis();
        }

        private void waitWhileBusy() {
            while (!cancel.isCancelled() && busy.busy()) {
                if (!paused) {
                    paused = true;
                    progress(CheckProgress.Phase.READING, true);
                }
                try {
                    Thread.sleep(BUSY_POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel.cancel();
                    return;
                }
            }
            if (paused) {
                paused = false;
                progress(CheckProgress.Phase.READING, true);
            }
        }

        private synchronized void progress(CheckProgress.Phase phase, boolean force) {
            long now = System.nanoTime();
            if (!force && now - lastProgress < PROGRESS_MILLIS * 1_000_000) {
                return;
            }
            lastProgress = now;
            listener.progress(snapshot(phase));
        }

        private CheckProgress snapshot(CheckProgress.Phase phase) {
            long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
            long reading = readingStartNanos == 0 ? 0 : (System.nanoTime() - readingStartNanos) / 1_000_000;
            long eta = phase == CheckProgress.Phase.READING ? CheckProgress.estimate(toRead.size(), filesRead.get(),
                    bytesToRead, bytesRead.get(), reading) : phase == CheckProgress.Phase.DONE ? 0 : -1;
            return new CheckProgress(phase, filesSeen, toRead.size(), filesRead.get(), bytesToRead, bytesRead.get(),
                    flaggedNow.get(), elapsed, eta, paused);
        }

        CheckSummary finish() {
            synchronized (pending) {
                if (!pending.isEmpty()) {
                    flushLocked();
                }
            }
            long spent = (System.nanoTime() - startNanos) / 1_000_000;
            boolean completed = !cancel.isCancelled();
            index.updateRun(run.id(), completed ? "DONE" : "STOPPED", 0, 0, spent, completed ? clock.millis() : null);
            CheckIndex.Run after = index.run(run.id()).orElse(run);
            Map<Level, Integer> byLevel = new EnumMap<>(Level.class);
            Map<ErrorKind, Integer> byKind = new EnumMap<>(ErrorKind.class);
            List<FlaggedFile> flagged = new ArrayList<>();
            List<FlaggedFile> flaggedRead = new ArrayList<>();
            for (String root : run.roots()) {
                index.forEachUnder(root, f -> {
                    if (f.flagged()) {
                        flagged.add(FlaggedFile.of(f));
                        if (f.checkedRun() == run.id()) {
                            flaggedRead.add(FlaggedFile.of(f));
                        }
                        byLevel.merge(Level.valueOf(f.level()), 1, Integer::sum);
                    }
                    if (f.error()) {
                        byKind.merge(ErrorKind.of(f.message()), 1, Integer::sum);
                    }
                });
            }
            progress(CheckProgress.Phase.DONE, true);
            return new CheckSummary(run.id(), run.roots(), completed, resumed,
                    filesSeen, bytesSeen, after.filesRead(), after.bytesRead(), unchanged, rekeyed, byLevel, byKind,
                    after.spentMillis(), flagged, flaggedRead);
        }
    }
}
