package org.secrecyguard.rules;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's rules folder: {@code current.bundle}, {@code previous.bundle} and the
 * {@value UpdaterState#FILE_NAME} that records what this PC installed itself. It verifies what is installed
 * at start-up (refusing rollbacks, falling back one step to the recorded previous bundle), installs a new
 * bundle durably (fsync, keep current as previous, atomic rename, fsync the folder) and keeps the state
 * file in step. See {@link RuleUpdater} for the rollback rules and what they do not protect against.
 */
final class InstalledBundles {
    private static final Logger LOG = Logger.getLogger(RuleUpdater.class.getName());

    private final Path dir;
    private final Path workDir;
    private final PublicKey publicKey;
    private final BundleLimits limits;
    private final ActiveRules<?> active;
    private final UpdateReporter reporter;
    private final Path stateFile;
    /** The state file as read at start-up, or null when missing or unreadable. */
    private final UpdaterState recordedState;
    /** Why the state file could not be trusted, or null. */
    private final String stateProblem;
    private UpdaterState state;
    private byte[] installedHash;

    InstalledBundles(Path dir, PublicKey publicKey, BundleLimits limits, ActiveRules<?> active,
            UpdateReporter reporter) throws IOException {
        this.dir = dir;
        this.publicKey = publicKey;
        this.limits = limits;
        this.active = active;
        this.reporter = reporter;
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

    Path dir() {
        return dir;
    }

    /** Scratch folder for unpacking bundles while they are verified. */
    Path workDir() {
        return workDir;
    }

    /** SHA-256 of the bundle in force from this folder, or null when none is. */
    byte[] installedHash() {
        return installedHash;
    }

    /** The highest version ever applied on this PC: nothing older is accepted. */
    long highestVersion() {
        return state.highestVersion();
    }

    /**
     * Verifies and activates the installed bundle (falling back to the previous one), refusing one older
     * than the highest version ever applied.
     */
    RuleUpdater.Outcome load() {
        Path current = dir.resolve(RuleUpdater.CURRENT);
        Path previous = dir.resolve(RuleUpdater.PREVIOUS);
        boolean installed = Files.exists(current) || Files.exists(previous);
        if (stateProblem != null) {
            reporter.rejected(RejectReason.STATE_UNTRUSTED, stateProblem + "; using the highest valid bundle present",
                    stateFile.toString(), -1);
        } else if (recordedState == null && installed) {
            reporter.rejected(RejectReason.STATE_UNTRUSTED, stateFile + " is missing while bundles are installed;"
                    + " using the highest valid bundle present", stateFile.toString(), -1);
        }
        return recordedState != null ? loadRecorded(recordedState, current, previous)
                : loadHighestPresent(current, previous);
    }

    /**
     * The tag recorded for a source, when the bundle in force is exactly the one the tags were collected with
     * (then an unchanged source costs one 304); otherwise null, and the first check downloads again.
     */
    String trustedTag(String source) {
        if (installedHash == null || recordedState == null
                || !RuleBundle.hex(installedHash).equals(recordedState.currentSha256())) {
            return null;
        }
        return recordedState.tags().get(source);
    }

    void rememberTag(String source, String tag) {
        if (!java.util.Objects.equals(state.tags().get(source), tag)) {
            saveState(state.withTag(source, tag));
        }
    }

    /** The state file is trusted: current, else the recorded previous, and nothing older than the highest. */
    private RuleUpdater.Outcome loadRecorded(UpdaterState recorded, Path current, Path previous) {
        long highest = recorded.highestVersion();
        if (Files.exists(current)) {
            Candidate c = verifyInstalled(current, highest, recorded.currentSha256());
            if (c != null) {
                RuleUpdater.Outcome o = activate(c, recorded.previousSha256());
                if (o.status() == RuleUpdater.Status.APPLIED) {
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
        return baseline();
    }

    /** No trustworthy state file: the higher valid version of the two installed bundles. */
    private RuleUpdater.Outcome loadHighestPresent(Path current, Path previous) {
        Candidate c = Files.exists(current) ? verifyInstalled(current, 0, null) : null;
        Candidate p = Files.exists(previous) ? verifyInstalled(previous, 0, null) : null;
        if (c != null && p != null && p.version() > c.version()) {
            c.bundle().discard();
            reporter.rejected(RejectReason.ROLLBACK, "installed bundle version " + c.version()
                    + " is older than version " + p.version() + " also installed", "installed " + current, c.version());
            moveQuietly(current, dir.resolve(RuleUpdater.CURRENT + ".rejected"));
            c = null;
        }
        if (c != null) {
            RuleUpdater.Outcome o = activate(c, p == null ? null : RuleBundle.hex(p.hash()));
            if (o.status() == RuleUpdater.Status.APPLIED || p == null) {
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
        return baseline();
    }

    private RuleUpdater.Outcome baseline() {
        return new RuleUpdater.Outcome(RuleUpdater.Status.BASELINE, active.version(), null, "");
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
                reporter.rejected(RejectReason.ROLLBACK, "installed bundle version " + version
                        + " is older than version " + highest + " already applied on this PC", where, version);
                moveQuietly(bundle, aside);
                return null;
            }
            if (!recorded && recordedHex != null) {
                LOG.log(Level.WARNING, "{0} is not the bundle recorded in {1}; accepted as version {2} is not older",
                        new Object[] {bundle, stateFile, version});
            }
            return new Candidate(bundle, hash, vb);
        } catch (BundleRejectedException e) {
            reporter.rejected(e.reason(), e.getMessage(), where, -1);
        } catch (IOException e) {
            reporter.rejected(RejectReason.CORRUPT_DATABASE, "cannot read " + bundle + ": " + e.getMessage(), where, -1);
        }
        moveQuietly(bundle, aside);
        return null;
    }

    /** Puts a verified installed bundle (now at {@code current.bundle}) in force and records it. */
    private RuleUpdater.Outcome activate(Candidate c, String previousHex) {
        long before = active.version();
        String where = "installed " + c.file();
        try {
            ActiveRules<?>.Prepared prepared;
            try {
                prepared = prepare(active, c.bundle());
            } catch (BundleRejectedException e) {
                moveQuietly(dir.resolve(RuleUpdater.CURRENT), dir.resolve(RuleUpdater.CURRENT + ".rejected"));
                return reporter.rejected(e.reason(), e.getMessage(), where, c.version());
            }
            prepared.publish();
            recordInstalled(c.hash(), c.version(), previousHex);
            return reporter.applied(before, c.bundle().snapshot(), where);
        } finally {
            c.bundle().discard();
        }
    }

    /** Builds the rules of a verified bundle without putting them in force; a failure refuses the bundle. */
    static ActiveRules<?>.Prepared prepare(ActiveRules<?> active, VerifiedBundle vb) {
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
    String install(Path incoming) throws IOException {
        try (FileChannel ch = FileChannel.open(incoming, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Path current = dir.resolve(RuleUpdater.CURRENT);
        String previousHex = null;
        if (Files.exists(current)) {
            previousHex = RuleBundle.hex(installedHash != null ? installedHash : RuleBundle.sha256(current));
            Files.move(current, dir.resolve(RuleUpdater.PREVIOUS), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(incoming, current, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
        return previousHex;
    }

    /** Records the bundle now in force from {@code current.bundle}. */
    void recordInstalled(byte[] hash, long version, String previousHex) {
        installedHash = hash;
        saveState(state.installed(version, RuleBundle.hex(hash), previousHex));
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

    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself
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

    static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a download thread may still hold it (Windows); it is removed at the next start
        }
    }
}
