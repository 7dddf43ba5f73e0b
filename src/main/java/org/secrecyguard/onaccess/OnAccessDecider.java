package org.secrecyguard.onaccess;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.secrecyguard.channel.ContentScanner;
import org.secrecyguard.channel.DaemonThreads;
import org.secrecyguard.channel.ScanOutcome;
import org.secrecyguard.channel.Transfer;
import org.secrecyguard.channel.TransferPolicy;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.platform.FileAccessGate;
import org.secrecyguard.platform.FileAccessGate.FileIdentity;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;

/**
 * Answers held opens: a destination process (chat client, browser, cloud drive) opening a flagged file
 * is refused before it can read a byte; every other open is let through at once.
 *
 * <p>The decision is made from a verdict cache keyed by the file's identity (device, inode, size,
 * change time) and the rules version; a file not in it is scanned on a worker within a budget (office
 * and text files 300 ms, pictures 1 s) and the open answered when the verdict is ready, or allowed when
 * the budget runs out (the verdict still lands in the cache for the next open, and a flagged file
 * opened meanwhile is reported). Opens of the same file wait on one scan. Nothing here blocks the
 * gate's reading thread, logs or touches the network: reports go through a bounded queue to
 * {@link OnAccessReports}, which drops rather than waits when it is full.
 */
public final class OnAccessDecider implements FileAccessGate.Decider, AutoCloseable {
    static final Duration DOCUMENT_BUDGET = Duration.ofMillis(300);
    static final Duration PICTURE_BUDGET = Duration.ofSeconds(1);
    private static final Set<String> PICTURES = Set.of("png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff", "webp",
            "heic");
    private static final int CACHED = 4096;

    private final ContentScanner scanner;
    private final TransferPolicy policy;
    private final DestinationProcesses destinations;
    private final OverrideGrants grants;
    private final OnAccessReports reports;
    private final Clock clock;
    private final Map<Key, ScanOutcome> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ScanOutcome> eldest) {
            return size() > CACHED;
        }
    };
    private final Map<Key, CompletableFuture<ScanOutcome>> inFlight = new ConcurrentHashMap<>();
    private final Map<FileAccessGate.Request, Long> pending = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor scans = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(64), DaemonThreads.named("on-access-scan"), new ThreadPoolExecutor.AbortPolicy());
    private final ScheduledExecutorService deadlines =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("on-access-deadline"));

    OnAccessDecider(ContentScanner scanner, TransferPolicy policy, DestinationProcesses destinations,
                    OverrideGrants grants, OnAccessReports reports, Clock clock) {
        this.scanner = scanner;
        this.policy = policy;
        this.destinations = destinations;
        this.grants = grants;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public void decide(FileAccessGate.Request r) {
        Optional<Optional<String>> known = destinations.known(r.executable());
        if (known.isPresent()) {
            decide(r, known.get());
            return;
        }
        // A program not judged yet whose bytes must be read: never on this thread (its open would
        // wait on the gate itself), and within the document budget like a scan.
        r.file();
        r.owner(); // read now: once answered, the held descriptor is gone
        pending.put(r, System.nanoTime());
        try {
            scans.execute(() -> decide(r, destinations.resolve(r.executable())));
        } catch (RejectedExecutionException busy) {
            pending.remove(r);
            r.allow();
            return;
        }
        deadlines.schedule(() -> {
            if (!r.answered()) {
                pending.remove(r);
                r.allow();
            }
        }, DOCUMENT_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void decide(FileAccessGate.Request r, Optional<String> destination) {
        pending.remove(r);
        if (r.answered()) {
            return; // the budget ran out while the program was being recognised
        }
        if (destination.isEmpty()) {
            r.allow();
            return;
        }
        FileIdentity id = r.identity();
        // Read now, while the opener and the held descriptor exist: reports come after the answer.
        r.file();
        r.owner();
        if (id.inode() < 0 || grants.allows(id, r.executable())) {
            r.allow(); // not a regular file we can name (allowed, as ChromiumOS's DLP does), or justified
            return;
        }
        Key key = new Key(id, scanner.rulesVersion());
        ScanOutcome cached;
        synchronized (cache) {
            cached = cache.get(key);
        }
        if (cached != null) {
            answer(r, destination.get(), cached, true);
            return;
        }
        CompletableFuture<ScanOutcome> scan;
        try {
            scan = inFlight.computeIfAbsent(key, k -> startScan(k, r.file()));
        } catch (RejectedExecutionException busy) {
            r.allow();
            reports.offer(new OnAccessReports.Report(r, destination.get(),
                    ScanOutcome.incomplete(Verdict.CLEAN, "too many files at once: allowed unchecked"), Action.ALLOW,
                    false));
            return;
        }
        pending.put(r, System.nanoTime());
        scan.thenAccept(outcome -> {
            pending.remove(r);
            answer(r, destination.get(), outcome, false);
        });
        deadlines.schedule(() -> {
            if (!r.answered()) {
                pending.remove(r);
                r.allow(); // out of budget: a user's work is never held longer
            }
        }, budget(r.file()).toMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<ScanOutcome> startScan(Key key, Path file) {
        CompletableFuture<ScanOutcome> f = new CompletableFuture<>();
        scans.execute(() -> {
            ScanOutcome outcome;
            try {
                outcome = scanner.scanFile(file);
            } catch (RuntimeException e) {
                outcome = ScanOutcome.incomplete(Verdict.CLEAN, "scan failed: " + e.getClass().getSimpleName());
            }
            if (outcome.complete()) {
                synchronized (cache) {
                    cache.put(key, outcome);
                }
            }
            inFlight.remove(key);
            f.complete(outcome);
        });
        return f;
    }

    private void answer(FileAccessGate.Request r, String destination, ScanOutcome outcome, boolean fromCache) {
        boolean late = r.answered();
        Action action = outcome.verdict().isClean() ? Action.ALLOW
                : policy.decide(outcome.verdict(), new Transfer(Channel.UPLOAD_DIALOG, ContentKind.FILES,
                "", destination, null, null), ZonedDateTime.now(clock)); // "": a destination, known above
        boolean refuse = action == Action.BLOCK || action == Action.BLOCK_OVERRIDABLE;
        if (refuse) {
            r.deny();
        } else {
            r.allow();
        }
        if (!fromCache || action != Action.ALLOW) {
            if (late && refuse) {
                // Allowed by the budget before the verdict came: say so, the file may have gone.
                action = Action.AUDIT;
                outcome = new ScanOutcome(outcome.verdict(), outcome.complete(),
                        join(outcome.note(), "opened before its check finished: not stopped"));
            }
            reports.offer(new OnAccessReports.Report(r, destination, outcome, action, refuse && !late));
        }
    }

    /** {@link System#nanoTime()} of the oldest open still waiting for its verdict, or empty. */
    Optional<Long> oldestPendingNanos() {
        return pending.values().stream().min(Long::compare);
    }

    static Duration budget(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return PICTURES.contains(ext) ? PICTURE_BUDGET : DOCUMENT_BUDGET;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }

    @Override
    public void close() {
        destinations.close();
        scans.shutdownNow();
        deadlines.shutdownNow();
    }

    private record Key(FileIdentity file, String rulesVersion) {
    }
}
