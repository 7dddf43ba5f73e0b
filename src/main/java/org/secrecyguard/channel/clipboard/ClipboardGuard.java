package org.secrecyguard.channel.clipboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
import java.util.stream.Stream;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.ContentScanner;
import org.secrecyguard.channel.DaemonThreads;
import org.secrecyguard.channel.EventSink;
import org.secrecyguard.channel.ExternalApps;
import org.secrecyguard.channel.GuardAlert;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.channel.PolicyDecider;
import org.secrecyguard.channel.ScanOutcome;
import org.secrecyguard.channel.UserNotifier;
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
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;

/**
 * Protects the clipboard, from copy to block to popup to logged event.
 *
 * <p>On every change it reads the clipboard and judges the content: text at once, pictures (OCR) and
 * file lists in the background, each verdict cached by content hash. Clean content is never touched.
 * Flagged content is acted on
 * <ul>
 *   <li>at once for national-secret levels (绝密/机密/秘密: such content must not even be on an
 *       internet-connected PC), or when the desktop cannot tell which application is in front; the
 *       destination is then unknown, which the policy treats as external;</li>
 *   <li>otherwise when an external application (chat, browser, mail) comes to the foreground while
 *       the flagged content is still on the clipboard.</li>
 * </ul>
 * The policy picks the action. A block replaces the clipboard with a short notice
 * ({@link ClipboardNotice}); a justified override puts the original content back. Every action is
 * logged and shown. The guard's own writes are recognised by hash and never judged again.
 *
 * <p>Threads: the watch's thread only hands notifications over; one "clipboard-guard" thread reads,
 * judges text and acts (so the guard's state needs no locks), one "clipboard-scan" thread runs OCR and
 * file scans, cancelled when newer content arrives.
 */
public final class ClipboardGuard implements GuardChannel {
    private static final Logger LOG = Logger.getLogger(ClipboardGuard.class.getName());
    /** How often the foreground application is checked while flagged content waits on the clipboard. */
    public static final Duration FOREGROUND_PERIOD = Duration.ofMillis(150);
    /** Most files scanned from one copied file list (folders are walked). */
    static final int MAX_FILES = 500;
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
    private final PolicyDecider policy;
    private final ExternalApps externalApps;
    private final EventSink events;
    private final UserNotifier notifier;
    private final Clock clock;
    private final HashKeyedCache<Verdict> cache = new HashKeyedCache<>(128);
    private final Set<String> ownHashes = new LinkedHashSet<>();
    private final Set<String> overridden = new LinkedHashSet<>();
    private final List<Consumer<VerdictReport>> verdictListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong changes = new AtomicLong();

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
        this.scanner = Objects.requireNonNull(b.scanner, "scanner");
        this.policy = Objects.requireNonNull(b.policy, "policy");
        this.externalApps = Objects.requireNonNull(b.externalApps, "externalApps");
        this.events = Objects.requireNonNull(b.events, "events");
        this.notifier = Objects.requireNonNull(b.notifier, "notifier");
        this.clock = Objects.requireNonNull(b.clock, "clock");
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Channel kind() {
        return Channel.CLIPBOARD;
    }

    /** Observers of every verdict (latency benchmark, tests). */
    public void addVerdictListener(Consumer<VerdictReport> listener) {
        verdictListeners.add(listener);
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
        if ((isOwn(hash) || content.isEmpty()) && reread < OWN_CONTENT_REREAD_MILLIS.length) {
            ScheduledExecutorService g = guardThread;
            if (g != null) {
                g.schedule(() -> inspect(seq, detectedNanos, reread + 1), OWN_CONTENT_REREAD_MILLIS[reread],
                        TimeUnit.MILLISECONDS);
            }
            return;
        }
        disarm();
        cancelBackground();
        if (content.isEmpty() || isOwn(hash) || isOverridden(hash)) {
            current = null;
            return;
        }
        Pending p = new Pending(hash, content, detectedNanos);
        current = p;
        Verdict cached = cache.get(hash);
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
            background(p, textOutcome, () -> scanFiles(content.files()));
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

    private ScanOutcome scanFiles(List<Path> roots) {
        List<Verdict> verdicts = new ArrayList<>();
        boolean complete = true;
        List<String> notes = new ArrayList<>();
        int[] count = {0};
        for (Path root : roots) {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> walk = Files.isDirectory(root) ? Files.walk(root, 16) : Stream.of(root)) {
                walk.filter(Files::isRegularFile).limit(MAX_FILES + 1L - count[0]).forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                complete = false;
                notes.add("folder not fully readable");
            }
            for (Path f : files) {
                if (Thread.currentThread().isInterrupted()) {
                    return ScanOutcome.incomplete(Verdict.merge(verdicts), "cancelled");
                }
                if (++count[0] > MAX_FILES) {
                    complete = false;
                    notes.add("more than " + MAX_FILES + " files, rest not checked");
                    break;
                }
                ScanOutcome o = scanner.scanFile(f);
                verdicts.add(o.verdict());
                if (!o.complete()) {
                    complete = false;
                    notes.add(o.note());
                }
            }
        }
        return new ScanOutcome(Verdict.merge(verdicts), complete, String.join("; ", new LinkedHashSet<>(notes)));
    }

    private void judged(Pending p, ScanOutcome outcome, boolean fromCache) {
        if (p != current) {
            return; // newer content arrived while this one was scanned
        }
        if (outcome.complete() && !fromCache) {
            cache.put(p.hash, outcome.verdict());
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
            return;
        }
        boolean national = v.highest().orElseThrow().isNationalSecret();
        if (national || !foreground.supported()) {
            // Not heading anywhere yet: the destination is unknown, which the policy treats as external.
            enforce(p, v, Optional.empty(), outcome.note());
        } else {
            armed = new Armed(p, v, outcome.note());
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
            enforce(a.pending, a.verdict, w, a.note);
        }
    }

    private void enforce(Pending p, Verdict v, Optional<WindowInfo> window, String note) {
        String app = window.map(WindowInfo::processName).orElse("");
        Instant now = clock.instant();
        Action action = policy.decide(v, Channel.CLIPBOARD, app, ZonedDateTime.ofInstant(now, clock.getZone()));
        GuardAlert alert = new GuardAlert(action, Channel.CLIPBOARD, p.content.kind(), v, app, now);
        LOG.info(() -> "clipboard " + p.content.kind().id() + " " + v.highest().orElseThrow() + " → " + action
                + (app.isEmpty() ? "" : " (foreground " + app + ")"));
        switch (action) {
            case ALLOW -> {
            }
            case AUDIT -> record(alert, GuardEvent.Outcome.AUDITED, "", note);
            case WARN -> {
                record(alert, GuardEvent.Outcome.WARNED, "", note);
                notifier.warn(alert);
            }
            case BLOCK -> {
                replaceWithNotice(v);
                record(alert, GuardEvent.Outcome.BLOCKED, "", note);
                notifier.blocked(alert);
            }
            case BLOCK_OVERRIDABLE -> {
                replaceWithNotice(v);
                record(alert, GuardEvent.Outcome.BLOCKED, "", note);
                ScheduledExecutorService g = guardThread;
                notifier.askOverride(alert).whenComplete((reason, error) -> {
                    if (error == null && reason != null && reason.isPresent() && g != null && !g.isShutdown()) {
                        g.execute(() -> overrideGiven(p, alert, reason.get()));
                    }
                });
            }
            default -> throw new IllegalStateException("unknown action " + action);
        }
    }

    private void replaceWithNotice(Verdict v) {
        String notice = ClipboardNotice.forVerdict(v);
        rememberOwn(ClipboardContent.ofText(notice).contentHash());
        try {
            clipboard.writeText(notice);
            rememberOwn(clipboard.read().contentHash());
        } catch (ClipboardAccessException e) {
            LOG.log(Level.SEVERE, "could not replace flagged clipboard content", e);
        }
    }

    private void overrideGiven(Pending p, GuardAlert alert, String reason) {
        if (reason.strip().length() < 10) {
            LOG.warning("override reason shorter than 10 characters ignored");
            return;
        }
        synchronized (overridden) {
            overridden.add(p.hash);
            trim(overridden, 32);
        }
        record(alert, GuardEvent.Outcome.OVERRIDDEN, reason.strip(), "");
        try {
            // Only put the content back while our notice is still there: never clobber a newer copy.
            if (isOwn(clipboard.read().contentHash())) {
                clipboard.write(p.content);
                rememberOwn(clipboard.read().contentHash());
            }
        } catch (ClipboardAccessException e) {
            LOG.log(Level.WARNING, "could not restore overridden clipboard content", e);
        }
    }

    private void record(GuardAlert alert, GuardEvent.Outcome outcome, String reason, String note) {
        try {
            events.record(new GuardEvent(alert.time(), alert.channel(), alert.action(), outcome,
                    alert.contentKind(), alert.verdict(), alert.destinationApp(), reason, note));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "event log failed", e);
        }
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

    private void rememberOwn(String hash) {
        synchronized (ownHashes) {
            ownHashes.add(hash);
            trim(ownHashes, 16);
        }
    }

    private boolean isOwn(String hash) {
        synchronized (ownHashes) {
            return ownHashes.contains(hash);
        }
    }

    private boolean isOverridden(String hash) {
        synchronized (overridden) {
            return overridden.contains(hash);
        }
    }

    private static void trim(Set<String> set, int max) {
        var it = set.iterator();
        while (set.size() > max && it.hasNext()) {
            it.next();
            it.remove();
        }
    }


    /** Content waiting for (or holding) a verdict. Identity matters: a newer copy is a new Pending. */
    private static final class Pending {
        final String hash;
        final ClipboardContent content;
        final long detectedNanos;

        Pending(String hash, ClipboardContent content, long detectedNanos) {
            this.hash = hash;
            this.content = content;
            this.detectedNanos = detectedNanos;
        }
    }

    private record Armed(Pending pending, Verdict verdict, String note) {
    }

    /** Assembles a guard; every part except the fallback watch and clock is required. */
    public static final class Builder {
        private Supplier<ClipboardWatch> watches;
        private Supplier<ClipboardWatch> fallbackWatches;
        private SystemClipboard clipboard;
        private ForegroundWindow foreground = ForegroundWindow.UNKNOWN;
        private ContentScanner scanner;
        private PolicyDecider policy;
        private ExternalApps externalApps = org.secrecyguard.channel.PolicyExternalApps.defaults(Channel.CLIPBOARD);
        private EventSink events;
        private UserNotifier notifier;
        private Clock clock = Clock.systemDefaultZone();

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

        public Builder scanner(ContentScanner v) {
            scanner = v;
            return this;
        }

        public Builder policy(PolicyDecider v) {
            policy = v;
            return this;
        }

        public Builder externalApps(ExternalApps v) {
            externalApps = v;
            return this;
        }

        public Builder events(EventSink v) {
            events = v;
            return this;
        }

        public Builder notifier(UserNotifier v) {
            notifier = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        public ClipboardGuard build() {
            return new ClipboardGuard(this);
        }
    }
}
