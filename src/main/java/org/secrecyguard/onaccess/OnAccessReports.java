package org.secrecyguard.onaccess;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.channel.ContentScanner;
import org.secrecyguard.channel.Enforcer;
import org.secrecyguard.channel.EventSink;
import org.secrecyguard.channel.GuardContext;
import org.secrecyguard.channel.GuardEvent;
import org.secrecyguard.channel.GuardPipeline;
import org.secrecyguard.channel.ScanOutcome;
import org.secrecyguard.channel.Transfer;
import org.secrecyguard.channel.TransferPolicy;
import org.secrecyguard.channel.UserNotifier;
import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.platform.FileAccessGate;
import org.secrecyguard.platform.FileAccessGate.FileIdentity;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;

/**
 * What the on-access guard decided, told after the kernel has its answer: logged, and shown to the user
 * who owns the process ("微信无法读取该文件…"), whose override with a reason lets that application open
 * that file for a minute. Runs on its own thread behind a bounded queue: when the queue is full a
 * report is dropped and counted, the decision path never waits for it. A chat client that retries a
 * refused open many times gives one report per file and application every {@link #REPEAT} seconds.
 */
final class OnAccessReports implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OnAccessReports.class.getName());
    static final Duration REPEAT = Duration.ofSeconds(10);

    /** One decision to report: {@code refused} when the open was denied. */
    record Report(FileAccessGate.Request request, String destination, ScanOutcome outcome, Action action,
                  boolean refused) {
    }

    private final BlockingQueue<Report> queue = new ArrayBlockingQueue<>(1024);
    private final AtomicLong dropped = new AtomicLong();
    private final Map<String, Instant> lastReported = new LinkedHashMap<>();
    private final ContentScanner scanner;
    private final TransferPolicy policy;
    private final EventSink events;
    private final Function<String, UserNotifier> notifierForUser;
    private final OverrideGrants grants;
    private final Clock clock;
    private final Thread thread;

    OnAccessReports(ContentScanner scanner, TransferPolicy policy, EventSink events,
                    Function<String, UserNotifier> notifierForUser, OverrideGrants grants, Clock clock) {
        this.scanner = scanner;
        this.policy = policy;
        this.events = events;
        this.notifierForUser = notifierForUser;
        this.grants = grants;
        this.clock = clock;
        this.thread = new Thread(this::run, "on-access-reports");
        thread.setDaemon(true);
        thread.start();
    }

    /** Never blocks. */
    void offer(Report r) {
        if (!queue.offer(r)) {
            dropped.incrementAndGet();
        }
    }

    /** Reports lost to a full queue since start (told in the next report's note). */
    long dropped() {
        return dropped.get();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                report(queue.take());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "on-access report failed", e);
            }
        }
    }

    private void report(Report r) {
        FileAccessGate.Request req = r.request();
        String repeatKey = req.identity().device() + ":" + req.identity().inode() + ":" + req.executable()
                + ":" + r.action();
        Instant now = clock.instant();
        Instant last = lastReported.get(repeatKey);
        if (last != null && now.isBefore(last.plus(REPEAT))) {
            return;
        }
        lastReported.put(repeatKey, now);
        if (lastReported.size() > 512) {
            lastReported.remove(lastReported.keySet().iterator().next());
        }
        GuardEvent.MovedFile facts;
        try {
            facts = GuardEvent.MovedFile.of(req.file()); // this process's own open: let through by the gate
        } catch (IOException e) {
            facts = new GuardEvent.MovedFile(nameOf(req.file()), req.identity().size(), "");
        }
        Transfer transfer = new Transfer(Channel.UPLOAD_DIALOG, ContentKind.FILES, req.executable(), r.destination(),
                facts, null);
        GuardPipeline pipeline = new GuardPipeline(new GuardContext(scanner, policy, events,
                notifierForUser.apply(req.owner()), clock));
        String note = r.outcome().note();
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            note = (note.isEmpty() ? "" : note + "; ") + lost + " earlier reports lost (queue full)";
        }
        pipeline.carryOut(transfer, r.outcome(), note, r.action(), new RefusedOpen(req.identity(), req.executable()));
    }

    private static String nameOf(Path file) {
        return file.getFileName() == null ? "" : file.getFileName().toString();
    }

    /** The open was already refused by the time this runs; an override lets the pair through for a minute. */
    private final class RefusedOpen implements Enforcer {
        private final FileIdentity file;
        private final String executable;

        RefusedOpen(FileIdentity file, String executable) {
            this.file = file;
            this.executable = executable;
        }

        @Override
        public String stop() {
            return "the application's open was refused";
        }

        @Override
        public String release() {
            grants.grant(file, executable);
            return "the application may open it for " + OverrideGrants.WINDOW.toSeconds() + " s";
        }

        @Override
        public Executor releaseThread() {
            return Runnable::run;
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
