package org.secrecyguard.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p><b>Rollback.</b> The updater keeps {@value UpdaterState#FILE_NAME} next to the bundles (written with
 * temp file, fsync, rename): the highest version ever applied, the SHA-256 of the {@code current.bundle} and
 * {@code previous.bundle} it installed itself, and the last ETag per source. At start-up and on every check
 * a bundle older than that highest version is refused ({@link RejectReason#ROLLBACK}) and reported. The one
 * exception is the fallback kept on purpose: if {@code current.bundle} is damaged or refused, the
 * {@code previous.bundle} whose hash the state file recorded is used (one step back, to rules this PC itself
 * ran) rather than the baseline; the next check then fetches the newest bundle again. A state file that is
 * missing while bundles are installed, or unreadable, is reported ({@link RejectReason#STATE_UNTRUSTED}) and
 * the highest valid version present is used.
 *
 * <p>What this does <em>not</em> protect against: the state file has no secret behind it, so anyone who can
 * write the rules folder can also rewrite or delete it together with the bundles, and so can fall back to
 * the baseline rules or (by forging a consistent state file) to any older signed bundle. This makes a
 * careless swap of bundles evident and refused, nothing more. The real protection is the folder's
 * permissions: on Windows the agent runs as a system service with the folder ACL'd to SYSTEM and
 * Administrators (a local administrator can still delete everything); on Linux a root-owned folder with
 * mode 0700. The signature check still guarantees that only rules signed with the pinned key are ever used.
 *
 * <p><b>ETag across restarts.</b> The last tag per source is kept in the state file and sent on the first
 * check after a restart, but only when {@link #loadInstalled()} put in force exactly the bundle the state file
 * records as current; otherwise (rules refused, baseline, crash between install and state write) the first
 * check downloads again.
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
    private final ActiveRules<?> active;
    private final Duration interval;
    private final Duration deadline;
    private final BundleLimits limits;
    private final UpdateReporter reporter;
    private final InstalledBundles installed;
    private final ReentrantLock checking = new ReentrantLock();
    private final ExecutorService fetchers = Executors.newCachedThreadPool(daemon("rules-fetch"));
    private ScheduledExecutorService scheduler;
    private String lastTag;

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
        this.active = Objects.requireNonNull(b.active, "activeRules");
        this.interval = b.interval;
        this.deadline = b.deadline;
        this.limits = b.limits;
        this.reporter = new UpdateReporter(b.listener == null ? UpdateListener.NONE : b.listener, active, b.clock);
        this.installed = new InstalledBundles(Objects.requireNonNull(b.rulesDir, "rulesDir"), publicKey, limits,
                active, reporter);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the updater keeps the installed bundle. */
    public Path rulesDir() {
        return installed.dir();
    }

    /**
     * Verifies and activates the bundle installed by an earlier run (falling back to the one before it if
     * it fails), refusing one older than the highest version ever applied. Call once at start-up, before
     * {@link #start()}.
     */
    public Outcome loadInstalled() {
        checking.lock();
        try {
            Outcome o = installed.load();
            if (o.status() == Status.APPLIED) {
                lastTag = installed.trustedTag(source.describe());
            }
            return o;
        } finally {
            checking.unlock();
        }
    }

    private void rememberTag(String tag) {
        lastTag = tag;
        installed.rememberTag(source.describe(), tag);
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
            incoming = Files.createTempFile(installed.dir(), "incoming-", ".tmp");
            BundleSource.FetchResult fetched = fetchWithDeadline(incoming);
            if (fetched.notModified()) {
                rememberTag(fetched.tag());
                return upToDate();
            }
            byte[] hash = RuleBundle.sha256(incoming);
            byte[] installedHash = installed.installedHash();
            if (installedHash != null && Arrays.equals(hash, installedHash)) {
                rememberTag(fetched.tag());
                return upToDate();
            }
            // From here on the bytes are complete: a refusal is about this bundle, so remember its tag and
            // do not download the same bad bundle again on every poll.
            rememberTag(fetched.tag());
            return verifyAndApply(incoming, hash, where);
        } catch (BundleRejectedException e) {
            return reporter.rejected(e.reason(), e.getMessage(), where, -1);
        } catch (IOException e) {
            return reporter.rejected(RejectReason.SOURCE_UNAVAILABLE, "cannot fetch from " + where + ": "
                    + e.getMessage(), where, -1);
        } finally {
            InstalledBundles.deleteQuietly(incoming);
        }
    }

    private Outcome verifyAndApply(Path incoming, byte[] hash, String where) throws IOException {
        VerifiedBundle vb;
        try {
            vb = RuleBundle.verify(incoming, publicKey, limits, installed.workDir());
        } catch (BundleRejectedException e) {
            return reporter.rejected(e.reason(), e.getMessage(), where, -1);
        }
        try {
            long offered = vb.manifest().version();
            long before = active.version();
            if (offered <= before) {
                return reporter.rejected(RejectReason.NOT_NEWER, "bundle version " + offered
                        + " is not newer than the rules in force (" + before + ")", where, offered);
            }
            long highest = installed.highestVersion();
            if (offered < highest) {
                return reporter.rejected(RejectReason.ROLLBACK, "bundle version " + offered
                        + " is older than version " + highest + " already applied on this PC", where, offered);
            }
            ActiveRules<?>.Prepared prepared;
            try {
                prepared = InstalledBundles.prepare(active, vb);
            } catch (BundleRejectedException e) {
                return reporter.rejected(e.reason(), e.getMessage(), where, offered);
            }
            String previousHex;
            try {
                previousHex = installed.install(incoming);
            } catch (IOException e) {
                return reporter.rejected(RejectReason.APPLY_FAILED, "cannot write into " + installed.dir() + ": "
                        + e.getMessage(), where, offered);
            }
            prepared.publish();
            installed.recordInstalled(hash, offered, previousHex);
            return reporter.applied(before, vb.snapshot(), where);
        } finally {
            vb.discard();
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
