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
    private final Path stateFile;
    /** What the state file said at construction, or null when it was missing or unreadable. */
    private final UpdaterState recordedState;
    /** Why the state file could not be read; null when it was read or did not exist. */
    private final String stateProblem;
    /** The state as kept now; written after every install and tag change. */
    private UpdaterState state;

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
        this.stateFile = dir.resolve(UpdaterState.FILE_NAME);
        UpdaterState read = null;
        String problem = null;
        try {
            read = UpdaterState.read(stateFile);
        } catch (UpdaterState.Unreadable e) {
            problem = e.getMessage();
        } catch (IOException e) {
            problem = "cannot read " + stateFile + ": " + e.getMessage();
        }
        this.recordedState = read;
        this.stateProblem = problem;
        this.state = read == null ? UpdaterState.EMPTY : read;
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
     * it fails), refusing one older than the highest version ever applied. Call once at start-up, before
     * {@link #start()}.
     */
    public Outcome loadInstalled() {
        checking.lock();
        try {
            Path current = dir.resolve(CURRENT);
            Path previous = dir.resolve(PREVIOUS);
            boolean installed = Files.exists(current) || Files.exists(previous);
            if (stateProblem != null) {
                reject(RejectReason.STATE_UNTRUSTED, stateProblem + "; using the highest valid bundle present",
                        stateFile.toString(), -1);
            } else if (recordedState == null && installed) {
                reject(RejectReason.STATE_UNTRUSTED, stateFile + " is missing while bundles are installed;"
                        + " using the highest valid bundle present", stateFile.toString(), -1);
            }
            Outcome o = recordedState != null ? loadRecorded(recordedState, current, previous)
                    : loadHighestPresent(current, previous);
            if (o.status() == Status.APPLIED) {
                String currentHex = RuleBundle.hex(installedHash);
                if (recordedState != null && currentHex.equals(recordedState.currentSha256())) {
                    // exactly the bundle the tags were collected with: an unchanged source costs one 304
                    lastTag = recordedState.tags().get(source.describe());
                }
            }
            return o;
        } finally {
            checking.unlock();
        }
    }

    /** The state file is trusted: current, else the recorded previous, and nothing older than the highest. */
    private Outcome loadRecorded(UpdaterState recorded, Path current, Path previous) {
        long highest = recorded.highestVersion();
        if (Files.exists(current)) {
            Candidate c = verifyInstalled(current, highest, recorded.currentSha256());
            if (c != null) {
                Outcome o = activate(c, recorded.previousSha256());
                if (o.status() == Status.APPLIED) {
                    return o;
                }
            }
        }
        if (Files.exists(previous)) {
            Candidate p = verifyInstalled(previous, highest, recorded.previousSha256());
            if (p != null) {
                moveQuietly(previous, current);
                return activate(p, null);
            }
        }
        return new Outcome(Status.BASELINE, active.version(), null, "");
    }

    /** No trustworthy state file: the higher valid version of the two installed bundles. */
    private Outcome loadHighestPresent(Path current, Path previous) {
        Candidate c = Files.exists(current) ? verifyInstalled(current, 0, null) : null;
        Candidate p = Files.exists(previous) ? verifyInstalled(previous, 0, null) : null;
        if (c != null && p != null && p.version() > c.version()) {
            c.bundle().discard();
            reject(RejectReason.ROLLBACK, "installed bundle version " + c.version() + " is older than version "
                    + p.version() + " also installed", "installed " + current, c.version());
            moveQuietly(current, dir.resolve(CURRENT + ".rejected"));
            c = null;
        }
        if (c != null) {
            Outcome o = activate(c, p == null ? null : RuleBundle.hex(p.hash()));
            if (o.status() == Status.APPLIED || p == null) {
                if (p != null) {
                    p.bundle().discard();
                }
                return o;
            }
        }
        if (p != null) {
            moveQuietly(previous, current);
            return activate(p, null);
        }
        saveState(UpdaterState.EMPTY.installed(0, null, null));
        return new Outcome(Status.BASELINE, active.version(), null, "");
    }

    /** An installed bundle that verified and may be put in force. */
    private record Candidate(Path file, byte[] hash, VerifiedBundle bundle) {
        long version() {
            return bundle.manifest().version();
        }
    }

    /**
     * Verifies an installed bundle; a bundle older than {@code highest} passes only if its hash is the one the
     * state file recorded for that file. On refusal reports it, moves the file aside and returns null.
     */
    private Candidate verifyInstalled(Path bundle, long highest, String recordedHex) {
        String where = "installed " + bundle;
        Path aside = bundle.resolveSibling(bundle.getFileName() + ".rejected");
        try {
            byte[] hash = RuleBundle.sha256(bundle);
            VerifiedBundle vb = RuleBundle.verify(bundle, publicKey, limits, workDir);
            long version = vb.manifest().version();
            boolean recorded = RuleBundle.hex(hash).equals(recordedHex);
            if (version < highest && !recorded) {
                vb.discard();
                reject(RejectReason.ROLLBACK, "installed bundle version " + version + " is older than version "
                        + highest + " already applied on this PC", where, version);
                moveQuietly(bundle, aside);
                return null;
            }
            if (!recorded && recordedHex != null) {
                LOG.log(Level.WARNING, "{0} is not the bundle recorded in {1}; accepted as version {2} is not older",
                        new Object[] {bundle, stateFile, version});
            }
            return new Candidate(bundle, hash, vb);
        } catch (BundleRejectedException e) {
            reject(e.reason(), e.getMessage(), where, -1);
        } catch (IOException e) {
            reject(RejectReason.CORRUPT_DATABASE, "cannot read " + bundle + ": " + e.getMessage(), where, -1);
        }
        moveQuietly(bundle, aside);
        return null;
    }

    /** Puts a verified installed bundle (now at {@code current.bundle}) in force and records it. */
    private Outcome activate(Candidate c, String previousHex) {
        long before = active.version();
        String where = "installed " + c.file();
        try {
            ActiveRules<?>.Prepared prepared;
            try {
                prepared = prepare(c.bundle());
            } catch (BundleRejectedException e) {
                moveQuietly(dir.resolve(CURRENT), dir.resolve(CURRENT + ".rejected"));
                return reject(e.reason(), e.getMessage(), where, c.version());
            }
            prepared.publish();
            installedHash = c.hash();
            saveState(state.installed(c.version(), RuleBundle.hex(c.hash()), previousHex));
            notifyApplied(before, c.bundle().snapshot(), where);
            return new Outcome(Status.APPLIED, active.version(), null, "");
        } finally {
            c.bundle().discard();
        }
    }

    private void saveState(UpdaterState next) {
        try {
            next.write(stateFile);
            state = next;
            syncDirectory();
        } catch (IOException e) {
            // the rules in force are unaffected; only the protection across restarts is weaker until the next write
            state = next;
            LOG.log(Level.WARNING, "cannot write " + stateFile, e);
        }
    }

    private void rememberTag(String tag) {
        lastTag = tag;
        if (!Objects.equals(state.tags().get(source.describe()), tag)) {
            saveState(state.withTag(source.describe(), tag));
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
                rememberTag(fetched.tag());
                return upToDate();
            }
            byte[] hash = RuleBundle.sha256(incoming);
            if (installedHash != null && Arrays.equals(hash, installedHash)) {
                rememberTag(fetched.tag());
                return upToDate();
            }
            // From here on the bytes are complete: a refusal is about this bundle, so remember its tag and
            // do not download the same bad bundle again on every poll.
            rememberTag(fetched.tag());
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
            long highest = state.highestVersion();
            if (offered < highest) {
                return reject(RejectReason.ROLLBACK, "bundle version " + offered + " is older than version " + highest
                        + " already applied on this PC", where, offered);
            }
            ActiveRules<?>.Prepared prepared;
            try {
                prepared = prepare(vb);
            } catch (BundleRejectedException e) {
                return reject(e.reason(), e.getMessage(), where, offered);
            }
            String previousHex;
            try {
                previousHex = install(incoming);
            } catch (IOException e) {
                return reject(RejectReason.APPLY_FAILED, "cannot write into " + dir + ": " + e.getMessage(), where, offered);
            }
            prepared.publish();
            installedHash = hash;
            saveState(state.installed(offered, RuleBundle.hex(hash), previousHex));
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

    /**
     * fsync, keep the current bundle as previous, atomic rename, fsync the folder.
     *
     * @return the hex SHA-256 of the bundle now at previous.bundle, or null when there is none
     */
    private String install(Path incoming) throws IOException {
        try (FileChannel ch = FileChannel.open(incoming, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Path current = dir.resolve(CURRENT);
        String previousHex = null;
        if (Files.exists(current)) {
            previousHex = RuleBundle.hex(installedHash != null ? installedHash : RuleBundle.sha256(current));
            Files.move(current, dir.resolve(PREVIOUS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(incoming, current, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
        return previousHex;
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
        for (String glob : new String[] {"incoming-*.tmp", "state-*.tmp"}) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
                for (Path p : s) {
                    deleteQuietly(p);
                }
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
