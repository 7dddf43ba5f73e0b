package org.secrecyguard.channel.clipboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.ContentScanner;
import org.secrecyguard.channel.DaemonThreads;
import org.secrecyguard.channel.Enforcer;
import org.secrecyguard.channel.ExternalWindowCheck;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.channel.GuardContext;
import org.secrecyguard.channel.GuardPipeline;
import org.secrecyguard.channel.ScanOutcome;
import org.secrecyguard.channel.Transfer;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.scan.HashKeyedCache;
import org.secrecyguard.platform.ClipboardAccessException;
import org.secrecyguard.platform.ClipboardContent;
import org.secrecyguard.platform.ClipboardWatch;
import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.platform.ForegroundWindow;
import org.secrecyguard.platform.Limitation;
import org.secrecyguard.platform.PlatformUnavailableException;
import org.secrecyguard.platform.SystemClipboard;
import org.secrecyguard.platform.WindowInfo;
import org.secrecyguard.policy.Channel;

/**
 * Protects the clipboard, from copy to block to popup to logged event.
 *
 * <p>On every change it reads the clipboard and judges the content: text at once, pictures (OCR) and
 * file lists in the background, each verdict cached by content hash and rules version (a rule
 * update judges everything again). Clean content is never touched.
 * Flagged content is acted on
 * <ul>
 *   <li>at once for national-secret levels (绝密/机密/秘密: such content must not even be on an
 *       internet-connected PC), or when the desktop cannot tell which application is in front; the
 *       destination is then unknown, which the policy treats as external;</li>
 *   <li>otherwise when an external application (chat, browser, mail) comes to the foreground while
 *       the flagged content is still on the clipboard.</li>
 * </ul>
 * The policy picks the action and {@link GuardPipeline} carries it out; {@link ClipboardEnforcer}
 * replaces blocked content with a short notice and puts it back after a justified override. The
 * guard's own writes are recognised by hash ({@link ClipboardMemory}) and never judged again.
 *
 * <p>Threads: the watch's thread only hands notifications over; one "clipboard-guard" thread reads,
 * judges text and acts (so the guard's state needs no locks), one "clipboard-scan" thread runs OCR and
 * file scans, cancelled when newer content arrives.
 */
public final class ClipboardGuard implements GuardChannel {
    private static final Logger LOG = Logger.getLogger(ClipboardGuard.class.getName());
    /** How often the foreground application is checked while flagged content waits on the clipboard. */
    public static final Duration FOREGROUND_PERIOD = Duration.ofMillis(150);
    /**
     * Re-reads after a change that showed the guard's own content or nothing: on X11 the toolkit keeps
     * serving its own (old) content, or briefly none, until it has processed the SelectionClear that
     * the new owner caused, which can arrive after our XFixes notification. Without re-reading, a new
     * copy would look like our notice (or like an empty clipboard) and slip through.
     */
    static final long[] OWN_CONTENT_REREAD_MILLIS = {15, 30, 60, 120, 240};
    static final String WHERE_TEXT = "clipboard";
    static final String WHERE_IMAGE = "clipboard image";

    private final Supplier<ClipboardWatch> watches;
    private final Supplier<ClipboardWatch> fallbackWatches;
    private final SystemClipboard clipboard;
    private final ForegroundWindow foreground;
    private final ContentScanner scanner;
    private final GuardPipeline pipeline;
    private final ExternalWindowCheck externalApps;
    private final HashKeyedCache<Verdict> cache = new HashKeyedCache<>(128);
    private final ClipboardMemory memory = new ClipboardMemory();
    private final List<Consumer<VerdictReport>> verdictListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong ownWritesIgnored = new AtomicLong();

    private volatile ClipboardWatch watch;
    private volatile ScheduledExecutorService guardThread;
    private volatile ExecutorService scanThread;
    private volatile String startProblem;
    private volatile boolean readFailing;

    // Confined to the guard thread.
    private Pending current;
    private Armed armed;
    private ScheduledFuture<?> foregroundTask;
    private Future<?> backgroundScan;

    private ClipboardGuard(Builder b) {
        this.watches = Objects.requireNonNull(b.watches, "watch");
        this.fallbackWatches = b.fallbackWatches;
        this.clipboard = Objects.requireNonNull(b.clipboard, "clipboard");
        this.foreground = Objects.requireNonNull(b.foreground, "foreground");
        GuardContext context = Objects.requireNonNull(b.context, "context");
        this.scanner = context.scanner();
        this.pipeline = new GuardPipeline(context);
        this.externalApps = Objects.requireNonNull(b.externalApps, "externalApps");
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Channel kind() {
        return Channel.CLIPBOARD;
    }

    /** Observers of every verdict with its latency (the latency benchmark). */
    public void addVerdictListener(Consumer<VerdictReport> listener) {
        verdictListeners.add(listener);
    }

    /** How many changes were the guard's own writes and left unjudged (tests wait on it). */
    long ownWritesIgnored() {
        return ownWritesIgnored.get();
    }

    @Override
    public synchronized void start() {
        if (watch != null) {
            return;
        }
        guardThread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("clipboard-guard"));
        scanThread = Executors.newSingleThreadExecutor(DaemonThreads.named("clipboard-scan"));
        startProblem = null;
        ClipboardWatch w = watches.get();
        try {
            w.start(this::onChange);
        } catch (PlatformUnavailableException e) {
            w.close();
            w = fallback(e);
        }
        watch = w;
        if (startProblem == null) {
            LOG.info(() -> "clipboard guard started with " + watch.name());
        }
    }

    private ClipboardWatch fallback(PlatformUnavailableException e) {
        Limitation cause = e.limitation();
        boolean pollingHelps = cause == Limitation.XFIXES_MISSING || cause == Limitation.CLIPBOARD_WATCH_FAILED;
        if (pollingHelps && fallbackWatches != null) {
            LOG.log(Level.WARNING, "clipboard watch unavailable (" + e.getMessage() + "), polling instead");
            ClipboardWatch poll = fallbackWatches.get();
            try {
                poll.start(this::onChange);
                return poll;
            } catch (PlatformUnavailableException again) {
                poll.close();
                e = again;
                cause = again.limitation();
            }
        }
        LOG.log(Level.WARNING, "clipboard channel down: " + e.getMessage());
        startProblem = cause.code();
        return null;
    }

    @Override
    public synchronized void stop() {
        ClipboardWatch w = watch;
        watch = null;
        if (w != null) {
            w.close();
        }
        ScheduledExecutorService g = guardThread;
        ExecutorService s = scanThread;
        if (g != null) {
            g.shutdownNow();
        }
        if (s != null) {
            s.shutdownNow();
        }
        try {
            if (g != null) {
                g.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        guardThread = null;
        scanThread = null;
        current = null;
        armed = null;
    }

    @Override
    public ChannelHealth health() {
        if (startProblem != null) {
            return new ChannelHealth(ChannelHealth.State.DOWN, List.of(startProblem));
        }
        ClipboardWatch w = watch;
        if (w == null) {
            return ChannelHealth.stopped();
        }
        if (!w.alive()) {
            return new ChannelHealth(ChannelHealth.State.DOWN, List.of(Limitation.CLIPBOARD_WATCH_FAILED.code()));
        }
        List<String> problems = new ArrayList<>();
        if (!scanner.imagesSupported()) {
            problems.add("ocr-unavailable");
        }
        if (!foreground.supported()) {
            problems.add(Limitation.FOREGROUND_UNKNOWN.code());
        }
        if (readFailing) {
            problems.add("clipboard-unreadable");
        }
        return problems.isEmpty() ? ChannelHealth.up() : new ChannelHealth(ChannelHealth.State.DEGRADED, problems);
    }

    /** Called on the watch's thread: hands the change to the guard thread, newest change wins. */
    private void onChange(long detectedNanos) {
        ScheduledExecutorService g = guardThread;
        if (g == null) {
            return;
        }
        long seq = changes.incrementAndGet();
        try {
            g.execute(() -> inspect(seq, detectedNanos, 0));
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // stop() raced with a notification: nothing to guard any more.
        }
    }

    private void inspect(long seq, long detectedNanos, int reread) {
        if (seq != changes.get()) {
            return; // superseded by a newer copy before we got to it
        }
        ClipboardContent content;
        try {
            content = clipboard.read();
            readFailing = false;
        } catch (ClipboardAccessException e) {
            readFailing = true;
            LOG.log(Level.WARNING, "clipboard unreadable", e);
            return;
        }
        String hash = content.contentHash();
        if ((memory.isOwn(hash) || content.isEmpty()) && reread < OWN_CONTENT_REREAD_MILLIS.length) {
            ScheduledExecutorService g = guardThread;
            if (g != null) {
                g.schedule(() -> inspect(seq, detectedNanos, reread + 1), OWN_CONTENT_REREAD_MILLIS[reread],
                        TimeUnit.MILLISECONDS);
            }
            return;
        }
        disarm();
        cancelBackground();
        if (content.isEmpty() || memory.isOwn(hash) || memory.isOverridden(hash)) {
            if (memory.isOwn(hash)) {
                ownWritesIgnored.incrementAndGet();
            }
            current = null;
            return;
        }
        Pending p = new Pending(hash, scanner.rulesVersion() + "|" + hash, content, detectedNanos);
        current = p;
        Verdict cached = cache.get(p.cacheKey);
        if (cached != null) {
            judged(p, ScanOutcome.of(cached), true);
            return;
        }
        ScanOutcome textOutcome = scanText(content);
        if (content.kind() == ContentKind.TEXT || (textOutcome != null && !textOutcome.verdict().isClean())) {
            judged(p, textOutcome == null ? ScanOutcome.of(Verdict.CLEAN) : textOutcome, false);
            return;
        }
        if (content.kind() == ContentKind.IMAGE) {
            background(p, textOutcome, () -> scanner.scanImage(content.image(), WHERE_IMAGE));
        } else {
            background(p, textOutcome, () -> CopiedFiles.scan(content.files(), scanner));
        }
    }

    private ScanOutcome scanText(ClipboardContent content) {
        if (content.hasText()) {
            return scanner.scanText(content.text(), WHERE_TEXT);
        }
        if (content.hasHtml()) {
            return scanner.scanText(HtmlText.of(content.html()), WHERE_TEXT);
        }
        return null;
    }

    private void background(Pending p, ScanOutcome textPart, Supplier<ScanOutcome> scan) {
        ExecutorService s = scanThread;
        ScheduledExecutorService g = guardThread;
        if (s == null || g == null) {
            return;
        }
        backgroundScan = s.submit(() -> {
            ScanOutcome outcome;
            try {
                outcome = scan.get();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "clipboard " + p.content.kind().id() + " scan failed", e);
                outcome = ScanOutcome.incomplete(Verdict.CLEAN, "scan failed: " + e.getClass().getSimpleName());
            }
            ScanOutcome merged = textPart == null ? outcome
                    : new ScanOutcome(textPart.verdict().merge(outcome.verdict()),
                    textPart.complete() && outcome.complete(), outcome.note());
            if (!Thread.currentThread().isInterrupted()) {
                g.execute(() -> judged(p, merged, false));
            }
        });
    }

    private void judged(Pending p, ScanOutcome outcome, boolean fromCache) {
        if (p != current) {
            return; // newer content arrived while this one was scanned
        }
        if (outcome.complete() && !fromCache) {
            cache.put(p.cacheKey, outcome.verdict());
        }
        VerdictReport report = new VerdictReport(p.detectedNanos, System.nanoTime(), p.content.kind(),
                outcome, fromCache);
        for (Consumer<VerdictReport> l : verdictListeners) {
            l.accept(report);
        }
        Verdict v = outcome.verdict();
        if (v.isClean()) {
            if (!outcome.complete()) {
                LOG.info(() -> "clipboard " + p.content.kind().id() + " not fully checked: " + outcome.note());
            }
            pipeline.decideAndCarryOut(Transfer.toApp(Channel.CLIPBOARD, p.content.kind(), ""), outcome, "",
                    Enforcer.reportOnly(""));
            return;
        }
        boolean national = v.highest().orElseThrow().isNationalSecret();
        if (national || !foreground.supported()) {
            // Not heading anywhere yet: the destination is unknown, which the policy treats as external.
            enforce(p, outcome, Optional.empty());
        } else {
            armed = new Armed(p, outcome);
            pipeline.waiting(Transfer.toApp(Channel.CLIPBOARD, p.content.kind(), ""), outcome);
            foregroundTask = guardThread.scheduleWithFixedDelay(this::checkForeground, 0,
                    FOREGROUND_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void checkForeground() {
        Armed a = armed;
        if (a == null) {
            return;
        }
        if (a.pending != current) {
            disarm();
            return;
        }
        Optional<WindowInfo> w = foreground.current();
        if (w.isPresent() && externalApps.isExternal(w.get())) {
            disarm();
            enforce(a.pending, a.outcome, w);
        }
    }

    private void enforce(Pending p, ScanOutcome outcome, Optional<WindowInfo> window) {
        String app = window.map(WindowInfo::processName).orElse("");
        ClipboardEnforcer enforcer = new ClipboardEnforcer(clipboard, memory, this::onGuardThread, p.hash,
                p.content, outcome.verdict());
        var action = pipeline.decideAndCarryOut(Transfer.toApp(Channel.CLIPBOARD, p.content.kind(), app), outcome,
                outcome.note(), enforcer);
        LOG.info(() -> "clipboard " + p.content.kind().id() + " " + outcome.verdict().highest().orElseThrow() + " → "
                + action + (app.isEmpty() ? "" : " (foreground " + app + ")"));
    }

    /** Runs an override's restore on the guard thread; refused once the guard stopped. */
    private void onGuardThread(Runnable task) {
        ScheduledExecutorService g = guardThread;
        if (g == null) {
            throw new java.util.concurrent.RejectedExecutionException("clipboard guard stopped");
        }
        g.execute(task);
    }

    private void disarm() {
        armed = null;
        if (foregroundTask != null) {
            foregroundTask.cancel(false);
            foregroundTask = null;
        }
    }

    private void cancelBackground() {
        if (backgroundScan != null) {
            backgroundScan.cancel(true);
            backgroundScan = null;
        }
    }


    /** Content waiting for (or holding) a verdict. Identity matters: a newer copy is a new Pending. */
    private static final class Pending {
        final String hash;
        /** The verdict cache's key: the same content is judged again under other rules. */
        final String cacheKey;
        final ClipboardContent content;
        final long detectedNanos;

        Pending(String hash, String cacheKey, ClipboardContent content, long detectedNanos) {
            this.hash = hash;
            this.cacheKey = cacheKey;
            this.content = content;
            this.detectedNanos = detectedNanos;
        }
    }

    private record Armed(Pending pending, ScanOutcome outcome) {
    }

    /** Assembles a guard; watch, clipboard and context are required. */
    public static final class Builder {
        private Supplier<ClipboardWatch> watches;
        private Supplier<ClipboardWatch> fallbackWatches;
        private SystemClipboard clipboard;
        private ForegroundWindow foreground = ForegroundWindow.UNKNOWN;
        private GuardContext context;
        private ExternalWindowCheck externalApps = org.secrecyguard.channel.RulesExternalWindowCheck.defaults(Channel.CLIPBOARD);

        public Builder watch(Supplier<ClipboardWatch> v) {
            watches = v;
            return this;
        }

        /** Used when the native watch cannot start (missing XFixes, listener failure). */
        public Builder fallbackWatch(Supplier<ClipboardWatch> v) {
            fallbackWatches = v;
            return this;
        }

        public Builder clipboard(SystemClipboard v) {
            clipboard = v;
            return this;
        }

        public Builder foreground(ForegroundWindow v) {
            foreground = v;
            return this;
        }

        /** The scanner, policy, event log, popups and clock shared with the other channels. */
        public Builder context(GuardContext v) {
            context = v;
            return this;
        }

        public Builder externalApps(ExternalWindowCheck v) {
            externalApps = v;
            return this;
        }

        public ClipboardGuard build() {
            return new ClipboardGuard(this);
        }
    }
}
