package org.secrecyguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.fingerprint.RegisteredDocument;

class RuleUpdaterTest {
    @TempDir
    Path dir;
    Path share;
    Path agentRules;
    TestBundles bundles;
    RecordingListener listener;

    /** What a test "app" builds from a snapshot: enough to check that value and snapshot belong together. */
    record Built(long version, int documents) {
    }

    ActiveRules<Built> active;

    @BeforeEach
    void setUp() throws IOException {
        share = Files.createDirectories(dir.resolve("share"));
        agentRules = dir.resolve("agent-rules");
        bundles = new TestBundles(Files.createDirectories(dir.resolve("authoring")));
        listener = new RecordingListener();
        active = new ActiveRules<>(s -> new Built(s.info().version(), s.documents().size()), new Built(0, 0));
    }

    static final class RecordingListener implements UpdateListener {
        final List<Applied> applied = new CopyOnWriteArrayList<>();
        final List<Rejected> rejected = new CopyOnWriteArrayList<>();

        @Override
        public void applied(Applied update) {
            applied.add(update);
        }

        @Override
        public void rejected(Rejected rejection) {
            rejected.add(rejection);
        }
    }

    private RuleUpdater updater(BundleSource source) throws IOException {
        return updater(source, Duration.ofSeconds(20), BundleLimits.DEFAULT);
    }

    private RuleUpdater updater(BundleSource source, Duration deadline, BundleLimits limits) throws IOException {
        return RuleUpdater.builder().source(source).publicKey(TestBundles.KEYS.getPublic()).rulesDir(agentRules)
                .activeRules(active).listener(listener).deadline(deadline).limits(limits).build();
    }

    private void publishToShare(byte[] bundle) throws IOException {
        Path tmp = share.resolve("upload.tmp");
        Files.write(tmp, bundle);
        // the share's tag is size + mtime: two same-size uploads within one millisecond would look unchanged,
        // which no real share sees; give each upload its own time
        Files.setLastModifiedTime(tmp, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() + 1000L * uploads.incrementAndGet()));
        Files.move(tmp, share.resolve(FolderSource.DEFAULT_FILE_NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private final java.util.concurrent.atomic.AtomicInteger uploads = new java.util.concurrent.atomic.AtomicInteger();

    /** Puts version 1 in force from the share, as the starting point of the rejection tests. */
    private void startWithVersionOne() throws IOException {
        publishToShare(bundles.signed(1));
        try (RuleUpdater u = updater(new FolderSource(share))) {
            assertEquals(RuleUpdater.Status.APPLIED, u.checkNow().status());
        }
        listener.applied.clear();
    }

    private void assertRejectedKeepingVersionOne(RuleUpdater.Outcome outcome, RejectReason reason) {
        assertEquals(RuleUpdater.Status.REJECTED, outcome.status(), outcome.message());
        assertEquals(reason, outcome.reason(), outcome.message());
        assertEquals(1, active.version(), "the old rules stay in force");
        assertEquals(new Built(1, 1), active.value());
        assertEquals(reason, listener.rejected.get(listener.rejected.size() - 1).reason(), "rejection reported");
        assertTrue(listener.applied.isEmpty());
    }

    @Test
    void appliesANewerBundleFromAFolderAndIgnoresItWhenUnchanged() throws IOException {
        publishToShare(bundles.signed(1));
        try (RuleUpdater u = updater(new FolderSource(share))) {
            assertEquals(0, active.version());
            RuleUpdater.Outcome first = u.checkNow();
            assertEquals(RuleUpdater.Status.APPLIED, first.status());
            assertEquals(new Built(1, 1), active.value());
            assertEquals(1, listener.applied.size());
            assertEquals(0, listener.applied.get(0).fromVersion());
            assertEquals(1, listener.applied.get(0).toVersion());
            assertTrue(Files.exists(agentRules.resolve(RuleUpdater.CURRENT)));

            assertEquals(RuleUpdater.Status.UP_TO_DATE, u.checkNow().status());
            assertEquals(1, listener.applied.size());

            publishToShare(bundles.signed(2));
            assertEquals(RuleUpdater.Status.APPLIED, u.checkNow().status());
            assertEquals(new Built(2, 2), active.value());
            assertTrue(Files.exists(agentRules.resolve(RuleUpdater.PREVIOUS)));
            assertTrue(listener.rejected.isEmpty());
        }
    }

    @Test
    void appliesANewerBundleOverHttpAndASecondPollGets304() throws IOException {
        try (TestBundleServer server = new TestBundleServer(); RuleUpdater u = updater(new HttpSource(server.uri()))) {
            server.publish(bundles.signed(3));
            assertEquals(RuleUpdater.Status.APPLIED, u.checkNow().status());
            assertEquals(3, active.version());
            assertEquals(RuleUpdater.Status.UP_TO_DATE, u.checkNow().status());
            assertEquals(2, server.requests.get());
            assertEquals(1, server.notModified.get(), "second poll sent If-None-Match and got 304");
            assertEquals(1, listener.applied.size());
            assertTrue(listener.rejected.isEmpty());

            server.publish(bundles.signed(4));
            assertEquals(RuleUpdater.Status.APPLIED, u.checkNow().status());
            assertEquals(new Built(4, 4), active.value());
        }
    }

    @Test
    void flippedBytesAreRejected() throws IOException {
        startWithVersionOne();
        byte[] good = bundles.signed(2);
        try (RuleUpdater u = updater(new FolderSource(share))) {
            u.loadInstalled();
            for (int pos : new int[] {5, 60, 200, 420, good.length / 2, good.length - 30, good.length - 3}) {
                byte[] bad = good.clone();
                bad[pos] ^= 0x20;
                publishToShare(bad);
                RuleUpdater.Outcome o = u.checkNow();
                assertEquals(RuleUpdater.Status.REJECTED, o.status(), "flip at " + pos);
                assertEquals(1, active.version(), "flip at " + pos);
            }
            assertEquals(7, listener.rejected.size());
            assertEquals(1, listener.applied.size(), "only the start-up load");
        }
    }

    @Test
    void bundleSignedWithAnotherKeyIsRejected() throws IOException {
        startWithVersionOne();
        publishToShare(bundles.signedWith(2, TestBundles.OTHER_KEYS.getPrivate()));
        try (RuleUpdater u = updater(new FolderSource(share))) {
            u.loadInstalled();
            listener.applied.clear();
            assertRejectedKeepingVersionOne(u.checkNow(), RejectReason.BAD_SIGNATURE);
        }
    }

    @Test
    void unsignedBundleIsRejected() throws IOException {
        startWithVersionOne();
        Path db = TestRules.databaseForVersion(dir, 2);
        Path signed = dir.resolve("s.zip");
        BundleManifest m = RuleBundle.write(db, 2, "x", TestBundles.KEYS.getPrivate(), signed);
        Path unsigned = share.resolve(FolderSource.DEFAULT_FILE_NAME);
        try (var os = Files.newOutputStream(unsigned)) {
            CanonicalZip.write(List.of(CanonicalZip.Source.of(RuleBundle.MANIFEST, m.toJson()),
                    CanonicalZip.Source.of(RuleBundle.DATABASE, db)), os);
        }
        try (RuleUpdater u = updater(new FolderSource(share))) {
            u.loadInstalled();
            listener.applied.clear();
            assertRejectedKeepingVersionOne(u.checkNow(), RejectReason.UNSIGNED);
        }
    }

    @Test
    void olderOrEqualVersionIsRejectedAsRollback() throws IOException {
        publishToShare(bundles.signed(2));
        try (RuleUpdater u = updater(new FolderSource(share))) {
            assertEquals(RuleUpdater.Status.APPLIED, u.checkNow().status());
            publishToShare(bundles.signed(1));
            RuleUpdater.Outcome older = u.checkNow();
            assertEquals(RejectReason.NOT_NEWER, older.reason());
            publishToShare(bundles.signed(2)); // same version, different bytes (new deployment key, new time)
            RuleUpdater.Outcome equal = u.checkNow();
            assertEquals(RejectReason.NOT_NEWER, equal.reason());
            assertEquals(2, active.version());
            assertEquals(2, listener.rejected.size());
            assertEquals(1, listener.rejected.get(0).offeredVersion());
            assertEquals(2, listener.rejected.get(0).activeVersion());
        }
    }

    @Test
    void truncatedDownloadIsRejected() throws IOException {
        startWithVersionOne();
        byte[] good = bundles.signed(2);
        try (TestBundleServer server = new TestBundleServer(); RuleUpdater u = updater(new HttpSource(server.uri()))) {
            u.loadInstalled();
            listener.applied.clear();
            server.publish(java.util.Arrays.copyOf(good, good.length - 100));
            assertRejectedKeepingVersionOne(u.checkNow(), RejectReason.MALFORMED);
        }
        try (MisbehavingServer cut = new MisbehavingServer(MisbehavingServer.Mode.CUT_MID_BODY, good);
             RuleUpdater u = updater(new HttpSource(cut.uri()))) {
            assertRejectedKeepingVersionOne(u.checkNow(), RejectReason.SOURCE_UNAVAILABLE);
        }
    }

    @Test
    void serverThatNeverAnswersTimesOutQuickly() throws IOException {
        startWithVersionOne();
        try (MisbehavingServer hang = new MisbehavingServer(MisbehavingServer.Mode.NEVER_ANSWER, new byte[0]);
             RuleUpdater u = updater(new HttpSource(hang.uri(), Duration.ofSeconds(2), Duration.ofMillis(400), null),
                     Duration.ofSeconds(5), BundleLimits.DEFAULT)) {
            long t0 = System.nanoTime();
            assertRejectedKeepingVersionOne(u.checkNow(), RejectReason.TIMEOUT);
            assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 5);
        }
    }

    @Test
    void serverThatStallsMidBodyIsAbandonedAtTheDeadline() throws IOException {
        startWithVersionOne();
        try (MisbehavingServer stall = new MisbehavingServer(MisbehavingServer.Mode.STALL_MID_BODY, bundles.signed(2));
             RuleUpdater u = updater(new HttpSource(stall.uri(), Duration.ofSeconds(2), Duration.ofSeconds(2), null),
                     Duration.ofMillis(800), BundleLimits.DEFAULT)) {
            long t0 = System.nanoTime();
            assertRejectedKeepingVersionOne(u.checkNow(), RejectReason.TIMEOUT);
            assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() < 4000);
        }
    }

    @Test
    void serverErrorIsRejected() throws IOException {
        startWithVersionOne();
        try (TestBundleServer server = new TestBundleServer(); RuleUpdater u = updater(new HttpSource(server.uri()))) {
            server.failWith(500);
            RuleUpdater.Outcome o = u.checkNow();
            assertRejectedKeepingVersionOne(o, RejectReason.SOURCE_UNAVAILABLE);
            assertTrue(o.message().contains("500"), o.message());
        }
    }

    @Test
    void downloadOverTheSizeLimitIsRejected() throws IOException {
        startWithVersionOne();
        byte[] good = bundles.signed(2);
        try (TestBundleServer server = new TestBundleServer();
             RuleUpdater u = updater(new HttpSource(server.uri()), Duration.ofSeconds(20),
                     new BundleLimits(good.length - 1, 64 << 10))) {
            server.publish(good);
            assertRejectedKeepingVersionOne(u.checkNow(), RejectReason.TOO_LARGE);
        }
    }

    @Test
    void corruptDatabaseInsideAValidlySignedBundleIsRejected() throws IOException {
        startWithVersionOne();
        publishToShare(bundles.signedWithCorruptDatabase(2));
        try (RuleUpdater u = updater(new FolderSource(share))) {
            u.loadInstalled();
            listener.applied.clear();
            assertRejectedKeepingVersionOne(u.checkNow(), RejectReason.CORRUPT_DATABASE);
        }
    }

    @Test
    void rulesTheAppCannotBuildAreRefusedAndTheOldOnesStay() throws IOException {
        startWithVersionOne();
        ActiveRules<Built> picky = active;
        active = new ActiveRules<>(s -> {
            if (s.info().version() == 2) {
                throw new IllegalStateException("detector rejected a rule");
            }
            return new Built(s.info().version(), s.documents().size());
        }, new Built(0, 0));
        publishToShare(bundles.signed(2));
        try (RuleUpdater u = updater(new FolderSource(share))) {
            assertEquals(RuleUpdater.Status.APPLIED, u.loadInstalled().status());
            listener.applied.clear();
            assertRejectedKeepingVersionOne(u.checkNow(), RejectReason.APPLY_FAILED);
            assertEquals(picky.version(), active.version());
        }
    }

    @Test
    void restartLoadsTheInstalledBundleAndFallsBackWhenItWasTamperedWith() throws IOException {
        try (RuleUpdater u = updater(new FolderSource(share))) {
            publishToShare(bundles.signed(1));
            u.checkNow();
            publishToShare(bundles.signed(2));
            u.checkNow();
        }
        active = new ActiveRules<>(s -> new Built(s.info().version(), s.documents().size()), new Built(0, 0));
        try (RuleUpdater u = updater(new FolderSource(share))) {
            assertEquals(RuleUpdater.Status.APPLIED, u.loadInstalled().status());
            assertEquals(2, active.version());
        }
        Path current = agentRules.resolve(RuleUpdater.CURRENT);
        byte[] bytes = Files.readAllBytes(current);
        bytes[bytes.length / 2] ^= 1;
        Files.write(current, bytes);
        active = new ActiveRules<>(s -> new Built(s.info().version(), s.documents().size()), new Built(0, 0));
        listener.rejected.clear();
        try (RuleUpdater u = updater(new FolderSource(share))) {
            assertEquals(RuleUpdater.Status.APPLIED, u.loadInstalled().status());
            assertEquals(1, active.version(), "fell back to the previous good bundle");
            assertEquals(RejectReason.HASH_MISMATCH, listener.rejected.get(0).reason());
            assertTrue(Files.exists(agentRules.resolve(RuleUpdater.CURRENT + ".rejected")));
        }
    }

    @Test
    void readersNeverSeeAHalfAppliedRuleSetWhileUpdatesArrive() throws Exception {
        List<byte[]> versions = new ArrayList<>();
        for (int v = 1; v <= 6; v++) {
            versions.add(bundles.signed(v));
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicLong reads = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Thread t = new Thread(() -> {
                long lastSeen = 0;
                while (!stop.get()) {
                    ActiveRules.Active<Built> state = active.current();
                    long v = state.version();
                    if (v < lastSeen) {
                        problems.add("version went back from " + lastSeen + " to " + v);
                    }
                    lastSeen = v;
                    if (state.snapshot() == null) {
                        if (!state.value().equals(new Built(0, 0))) {
                            problems.add("baseline with a built value " + state.value());
                        }
                        continue;
                    }
                    // a "scan": walk the whole rule set, checking that it all belongs to one version
                    List<RegisteredDocument> docs = state.snapshot().documents();
                    if (docs.size() != v || !state.value().equals(new Built(v, (int) v))) {
                        problems.add("mixed state: version " + v + ", " + docs.size() + " documents, built " + state.value());
                    }
                    for (RegisteredDocument d : docs) {
                        if (!d.title().startsWith("v" + v + "-")) {
                            problems.add("document " + d.title() + " in version " + v);
                        }
                    }
                    reads.incrementAndGet();
                }
            }, "scan-" + r);
            t.start();
            readers.add(t);
        }
        try (RuleUpdater u = updater(new FolderSource(share))) {
            for (byte[] b : versions) {
                publishToShare(b);
                assertEquals(RuleUpdater.Status.APPLIED, u.checkNow().status());
            }
        } finally {
            stop.set(true);
            for (Thread t : readers) {
                t.join(10_000);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(6, active.version());
        assertTrue(reads.get() > 0);
        assertEquals(6, listener.applied.size());
    }

    @Test
    void scheduledPollingPicksUpANewBundleWithoutBeingAsked() throws Exception {
        try (RuleUpdater u = RuleUpdater.builder().source(new FolderSource(share))
                .publicKey(TestBundles.KEYS.getPublic()).rulesDir(agentRules).activeRules(active).listener(listener)
                .interval(Duration.ofMillis(100)).build()) {
            publishToShare(bundles.signed(1));
            u.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (active.version() != 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, active.version());
        }
    }

    @Test
    void missingBundleOnTheShareIsReportedAsUnavailable() throws IOException {
        try (RuleUpdater u = updater(new FolderSource(share))) {
            RuleUpdater.Outcome o = u.checkNow();
            assertEquals(RejectReason.SOURCE_UNAVAILABLE, o.reason());
            assertEquals(0, active.version());
            assertNull(active.current().snapshot());
            assertFalse(Files.exists(agentRules.resolve(RuleUpdater.CURRENT)));
        }
    }

    @Test
    void refusesNonHttpUrls() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new HttpSource(URI.create("file:///etc/passwd")));
    }
}
