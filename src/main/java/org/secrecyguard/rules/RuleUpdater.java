package org.secrecyguard.rules;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's side of rule distribution. It polls one {@link BundleSource} on an interval and on demand,
 * accepts a bundle only when it is signed by the key pinned at install, intact, and strictly newer than
 * the rules in force, and then applies it atomically: the verified bundle is fsynced and renamed into the
 * rules folder, and the new rules are published in {@link ActiveRules} in one step, without a restart.
 * On any failure the rules in force stay as they are, and the {@link UpdateListener} hears why.
 *
 * <p>The rules folder holds {@code current.bundle} (and {@code previous.bundle}); at start-up
 * {@link #loadInstalled()} verifies the installed bundle again, so rules in force have always been
 * signed with the pinned key, even if someone edits files in the folder.
 *
 * <p>Nothing waits forever: each check has an overall deadline (a server that accepts the connection
 * and then stalls is abandoned), downloads are size-limited, and checks never overlap.
 */
public final class RuleUpdater implements AutoCloseable {
    static final String CURRENT = "current.bundle";
    static final String PREVIOUS = "previous.bundle";
    private static final Logger LOG = Logger.getLogger(RuleUpdater.class.getName());

    private final BundleSource source;
    private final PublicKey publicKey;
    private final Path dir;
    private final Path workDir;
    private final ActiveRules<?> active;
    private final UpdateListener listener;
    private final Duration interval;
    private final Duration deadline;
    private final BundleLimits limits;
    private final Clock clock;
    private final ReentrantLock checking = new ReentrantLock();
    private final ExecutorService fetchers = Executors.newCachedThreadPool(daemon("rules-fetch"));
    private ScheduledExecutorService scheduler;
    private String lastTag;
    private byte[] installedHash;

    /** What one check did. */
    public enum Status { APPLIED, UP_TO_DATE, REJECTED, BASELINE }

    /**
     * @param status        what happened
     * @param activeVersion the version in force afterwards (0 = baseline)
     * @param reason        for REJECTED, why; else null
     * @param message       for REJECTED, the detail; else empty
     */
    public record Outcome(Status status, long activeVersion, RejectReason reason, String message) {
    }

    private RuleUpdater(Builder b) throws IOException {
        this.source = Objects.requireNonNull(b.source, "source");
        this.publicKey = Objects.requireNonNull(b.publicKey, "publicKey");
        this.dir = Objects.requireNonNull(b.rulesDir, "rulesDir");
        this.active = Objects.requireNonNull(b.active, "activeRules");
        this.listener = b.listener == null ? UpdateListener.NONE : b.listener;
        this.interval = b.interval;
        this.deadline = b.deadline;
        this.limits = b.limits;
        this.clock = b.clock;
        Files.createDirectories(dir);
        this.workDir = Files.createDirectories(dir.resolve("work"));
        cleanStaleFiles();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the updater keeps the installed bundle. */
    public Path rulesDir() {
        return dir;
    }

    /**
     * Verifies and activates the bundle installed by an earlier run (falling back to the one before it if
     * it fails). Call once at start-up, before {@link #start()}.
     */
    public Outcome loadInstalled() {
        checking.lock();
        try {
            Path current = dir.resolve(CURRENT);
            Path previous = dir.resolve(PREVIOUS);
            if (Files.exists(current)) {
                Outcome o = activateInstalled(current);
                if (o.status() == Status.APPLIED) {
                    return o;
                }
                moveQuietly(current, dir.resolve(CURRENT + ".rejected"));
            }
            if (Files.exists(previous)) {
                Outcome o = activateInstalled(previous);
                if (o.status() == Status.APPLIED) {
                    moveQuietly(previous, current);
                    return o;
                }
                moveQuietly(previous, dir.resolve(PREVIOUS + ".rejected"));
            }
            return new Outcome(Status.BASELINE, active.version(), null, "");
        } finally {
            checking.unlock();
        }
    }

    private Outcome activateInstalled(Path bundle) {
        String where = "installed " + bundle;
        long before = active.version();
        try {
            byte[] hash = RuleBundle.sha256(bundle);
            VerifiedBundle vb = RuleBundle.verify(bundle, publicKey, limits, workDir);
            try {
                prepare(vb).publish();
                installedHash = hash;
                notifyApplied(before, vb.snapshot(), where);
                return new Outcome(Status.APPLIED, active.version(), null, "");
            } finally {
                vb.discard();
            }
        } catch (BundleRejectedException e) {
            return reject(e.reason(), e.getMessage(), where, -1);
        } catch (IOException e) {
            return reject(RejectReason.CORRUPT_DATABASE, "cannot read " + bundle + ": " + e.getMessage(), where, -1);
        }
    }

    /** Starts polling every interval (the first check after a short random delay, so PCs do not all call at once). */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("rules-updater"));
        long firstMillis = ThreadLocalRandom.current().nextLong(Math.max(1, Math.min(interval.toMillis(), 60_000)));
        scheduler.scheduleWithFixedDelay(this::checkQuietly, firstMillis, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkQuietly() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            // never let one bad check end the schedule
            LOG.log(Level.WARNING, "rule update check failed", e);
        }
    }

    /**
     * Checks the source now and applies a newer bundle. Blocks for at most about the deadline (plus
     * verification); concurrent calls run one after the other.
     */
    public Outcome checkNow() {
        checking.lock();
        try {
            return check();
        } finally {
            checking.unlock();
        }
    }

    private Outcome check() {
        String where = source.describe();
        Path incoming = null;
        try {
            incoming = Files.createTempFile(dir, "incoming-", ".tmp");
            BundleSource.FetchResult fetched = fetchWithDeadline(incoming);
            if (fetched.notModified()) {
                lastTag = fetched.tag();
                return upToDate();
            }
            byte[] hash = RuleBundle.sha256(incoming);
            if (installedHash != null && Arrays.equals(hash, installedHash)) {
                lastTag = fetched.tag();
                return upToDate();
            }
            // From here on the bytes are complete: a refusal is about this bundle, so remember its tag and
            // do not download the same bad bundle again on every poll.
            lastTag = fetched.tag();
            return verifyAndApply(incoming, hash, where);
        } catch (BundleRejectedException e) {
            return reject(e.reason(), e.getMessage(), where, -1);
        } catch (IOException e) {
            return reject(RejectReason.SOURCE_UNAVAILABLE, "cannot fetch from " + where + ": " + e.getMessage(), where, -1);
        } finally {
            deleteQuietly(incoming);
        }
    }

    private Outcome verifyAndApply(Path incoming, byte[] hash, String where) throws IOException {
        VerifiedBundle vb;
        try {
            vb = RuleBundle.verify(incoming, publicKey, limits, workDir);
        } catch (BundleRejectedException e) {
            return reject(e.reason(), e.getMessage(), where, -1);
        }
        try {
            long offered = vb.manifest().version();
            long before = active.version();
            if (offered <= before) {
                return reject(RejectReason.NOT_NEWER, "bundle version " + offered + " is not newer than the rules in force ("
                        + before + ")", where, offered);
            }
            ActiveRules<?>.Prepared prepared;
            try {
                prepared = prepare(vb);
            } catch (BundleRejectedException e) {
                return reject(e.reason(), e.getMessage(), where, offered);
            }
            try {
                install(incoming);
            } catch (IOException e) {
                return reject(RejectReason.APPLY_FAILED, "cannot write into " + dir + ": " + e.getMessage(), where, offered);
            }
            prepared.publish();
            installedHash = hash;
            notifyApplied(before, vb.snapshot(), where);
            return new Outcome(Status.APPLIED, active.version(), null, "");
        } finally {
            vb.discard();
        }
    }

    private ActiveRules<?>.Prepared prepare(VerifiedBundle vb) {
        try {
            return active.prepare(vb.snapshot());
        } catch (RuntimeException e) {
            throw new BundleRejectedException(RejectReason.APPLY_FAILED,
                    "rules version " + vb.manifest().version() + " could not be built: " + e, e);
        }
    }

    /** fsync, keep the current bundle as previous, atomic rename, fsync the folder. */
    private void install(Path incoming) throws IOException {
        try (FileChannel ch = FileChannel.open(incoming, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Path current = dir.resolve(CURRENT);
        if (Files.exists(current)) {
            Files.move(current, dir.resolve(PREVIOUS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(incoming, current, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
    }

    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself
        }
    }

    private BundleSource.FetchResult fetchWithDeadline(Path target) throws IOException {
        String tag = lastTag;
        Future<BundleSource.FetchResult> f = fetchers.submit(() -> source.fetch(tag, target, limits.maxBundleBytes()));
        try {
            return f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new BundleRejectedException(RejectReason.TIMEOUT,
                    "no complete bundle from " + source.describe() + " within " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new BundleRejectedException(RejectReason.TIMEOUT, "check was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BundleRejectedException bre) {
                throw bre;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new BundleRejectedException(RejectReason.SOURCE_UNAVAILABLE,
                    "fetch from " + source.describe() + " failed: " + cause, cause);
        }
    }

    private Outcome upToDate() {
        return new Outcome(Status.UP_TO_DATE, active.version(), null, "");
    }

    private Outcome reject(RejectReason reason, String message, String where, long offered) {
        long version = active.version();
        LOG.log(Level.WARNING, "rule bundle refused ({0}) from {1}: {2}", new Object[] {reason, where, message});
        try {
            listener.rejected(new UpdateListener.Rejected(reason, message, where, offered, version, clock.instant()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "update listener failed", e);
        }
        return new Outcome(Status.REJECTED, version, reason, message);
    }

    private void notifyApplied(long before, RuleSnapshot snapshot, String where) {
        LOG.log(Level.INFO, "rules version {0} in force (was {1}), from {2}",
                new Object[] {snapshot.info().version(), before, where});
        try {
            listener.applied(new UpdateListener.Applied(before, snapshot, where, clock.instant()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "update listener failed", e);
        }
    }

    private void cleanStaleFiles() throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "incoming-*.tmp")) {
            for (Path p : s) {
                deleteQuietly(p);
            }
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(workDir)) {
            for (Path p : s) {
                deleteQuietly(p);
            }
        }
    }

    private static void moveQuietly(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot move " + from + " to " + to, e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a download thread may still hold it (Windows); it is removed at the next start
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        fetchers.shutdownNow();
    }

    /** Configures a {@link RuleUpdater}; source, public key, rules folder and active rules are required. */
    public static final class Builder {
        private BundleSource source;
        private PublicKey publicKey;
        private Path rulesDir;
        private ActiveRules<?> active;
        private UpdateListener listener;
        private Duration interval = Duration.ofMinutes(15);
        private Duration deadline = Duration.ofMinutes(2);
        private BundleLimits limits = BundleLimits.DEFAULT;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder source(BundleSource source) {
            this.source = source;
            return this;
        }

        /** The public key pinned at install; only bundles signed with its private key are accepted. */
        public Builder publicKey(PublicKey publicKey) {
            this.publicKey = publicKey;
            return this;
        }

        /** The agent's own rules folder (e.g. %ProgramData%\SecrecyGuard\rules), not the share. */
        public Builder rulesDir(Path rulesDir) {
            this.rulesDir = rulesDir;
            return this;
        }

        public Builder activeRules(ActiveRules<?> active) {
            this.active = active;
            return this;
        }

        public Builder listener(UpdateListener listener) {
            this.listener = listener;
            return this;
        }

        /** How often to poll (default 15 minutes). */
        public Builder interval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive");
            }
            this.interval = interval;
            return this;
        }

        /** Longest time one fetch may take, headers and body together (default 2 minutes). */
        public Builder deadline(Duration deadline) {
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive");
            }
            this.deadline = deadline;
            return this;
        }

        public Builder limits(BundleLimits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public RuleUpdater build() throws IOException {
            return new RuleUpdater(this);
        }
    }
}
