package org.secrecyguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The updater's memory across restarts: rollback refusal and the persisted ETag. */
class RuleUpdaterStateTest {
    @TempDir
    Path dir;
    Path share;
    Path agentRules;
    TestBundles bundles;
    RuleUpdaterTest.RecordingListener listener;
    ActiveRules<Long> active;

    @BeforeEach
    void setUp() throws IOException {
        share = Files.createDirectories(dir.resolve("share"));
        agentRules = dir.resolve("agent-rules");
        bundles = new TestBundles(Files.createDirectories(dir.resolve("authoring")));
        restartApp();
    }

    /** A fresh process: new rules holder at baseline, new listener. */
    private void restartApp() {
        listener = new RuleUpdaterTest.RecordingListener();
        active = new ActiveRules<>(s -> s.info().version(), 0L);
    }

    private RuleUpdater updater(BundleSource source) throws IOException {
        return RuleUpdater.builder().source(source).publicKey(TestBundles.KEYS.getPublic()).rulesDir(agentRules)
                .activeRules(active).listener(listener).build();
    }

    private void publishToShare(byte[] bundle) throws IOException {
        Path tmp = share.resolve("upload.tmp");
        Files.write(tmp, bundle);
        Files.move(tmp, share.resolve(FolderSource.DEFAULT_FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
    }

    private void applyFromShare(long... versions) throws IOException {
        try (RuleUpdater u = updater(new FolderSource(share))) {
            for (long v : versions) {
                publishToShare(bundles.signed(v));
                assertEquals(RuleUpdater.Status.APPLIED, u.checkNow().status());
            }
        }
    }

    private List<RejectReason> reported() {
        return listener.rejected.stream().map(UpdateListener.Rejected::reason).toList();
    }

    @Test
    void olderSignedBundleCopiedInAsCurrentIsRefusedAtStartAndOnChecksUntilTheNewestReturns() throws IOException {
        applyFromShare(3);
        Files.write(agentRules.resolve(RuleUpdater.CURRENT), bundles.signed(1));
        restartApp();
        try (RuleUpdater u = updater(new FolderSource(share))) {
            RuleUpdater.Outcome start = u.loadInstalled();
            assertEquals(RuleUpdater.Status.BASELINE, start.status());
            assertEquals(0, active.version(), "no valid rules at or above version 3 present: baseline");
            assertEquals(List.of(RejectReason.ROLLBACK), reported());
            assertEquals(1, listener.rejected.get(0).offeredVersion());
            assertTrue(listener.applied.isEmpty());

            publishToShare(bundles.signed(2));
            assertEquals(RejectReason.ROLLBACK, u.checkNow().reason(), "older than the highest applied, also on a check");
            assertEquals(0, active.version());

            publishToShare(bundles.signed(3));
            assertEquals(RuleUpdater.Status.APPLIED, u.checkNow().status());
            assertEquals(3, active.version());
        }
    }

    @Test
    void previousBundleCopiedOverCurrentIsRefusedAndTheRecordedPreviousIsTheOnlyFallback() throws IOException {
        applyFromShare(1, 2);
        Files.copy(agentRules.resolve(RuleUpdater.PREVIOUS), agentRules.resolve(RuleUpdater.CURRENT),
                StandardCopyOption.REPLACE_EXISTING);
        restartApp();
        try (RuleUpdater u = updater(new FolderSource(share))) {
            assertEquals(RuleUpdater.Status.APPLIED, u.loadInstalled().status());
            assertEquals(1, active.version(), "one step back, to the bundle this PC itself kept");
            assertEquals(List.of(RejectReason.ROLLBACK), reported());
        }
        // a foreign older bundle in place of previous.bundle is not a fallback
        applyFromShare(3);
        Files.write(agentRules.resolve(RuleUpdater.PREVIOUS), bundles.signed(1));
        Files.write(agentRules.resolve(RuleUpdater.CURRENT), bundles.signed(2));
        restartApp();
        try (RuleUpdater u = updater(new FolderSource(share))) {
            assertEquals(RuleUpdater.Status.BASELINE, u.loadInstalled().status());
            assertEquals(List.of(RejectReason.ROLLBACK, RejectReason.ROLLBACK), reported());
        }
    }

    @Test
    void afterARestartTheFirstPollSendsThePersistedEtagAndA304DownloadsNothing() throws IOException {
        try (TestBundleServer server = new TestBundleServer()) {
            server.publish(bundles.signed(3));
            try (RuleUpdater u = updater(new HttpSource(server.uri()))) {
                assertEquals(RuleUpdater.Status.APPLIED, u.checkNow().status());
            }
            restartApp();
            try (RuleUpdater u = updater(new HttpSource(server.uri()))) {
                assertEquals(RuleUpdater.Status.APPLIED, u.loadInstalled().status());
                assertEquals(RuleUpdater.Status.UP_TO_DATE, u.checkNow().status());
            }
            assertEquals(2, server.requests.get());
            assertEquals(1, server.notModified.get(), "first poll after the restart sent If-None-Match and got 304");
            assertEquals(3, active.version());
            assertTrue(listener.rejected.isEmpty());
            assertEquals(1, listener.applied.size(), "only the start-up load");
        }
    }

    @Test
    void etagIsNotReusedWhenTheInstalledBundleWasRefused() throws IOException {
        try (TestBundleServer server = new TestBundleServer()) {
            server.publish(bundles.signed(3));
            try (RuleUpdater u = updater(new HttpSource(server.uri()))) {
                u.checkNow();
            }
            Files.write(agentRules.resolve(RuleUpdater.CURRENT), bundles.signed(1));
            restartApp();
            try (RuleUpdater u = updater(new HttpSource(server.uri()))) {
                assertEquals(RuleUpdater.Status.BASELINE, u.loadInstalled().status());
                assertEquals(RuleUpdater.Status.APPLIED, u.checkNow().status(), "downloaded again, not a 304");
            }
            assertEquals(0, server.notModified.get());
            assertEquals(3, active.version());
        }
    }

    @Test
    void corruptStateFileIsReportedAndRebuiltFromTheValidBundles() throws IOException {
        applyFromShare(1, 2);
        Path state = agentRules.resolve(UpdaterState.FILE_NAME);
        Files.write(state, "{\"format\": \"secrecy-guard-updater-state/1\", \"highestVers".getBytes(StandardCharsets.UTF_8));
        restartApp();
        try (RuleUpdater u = updater(new FolderSource(share))) {
            assertEquals(RuleUpdater.Status.APPLIED, u.loadInstalled().status());
            assertEquals(2, active.version());
            assertEquals(List.of(RejectReason.STATE_UNTRUSTED), reported());
        }
        UpdaterState rebuilt = UpdaterState.read(state);
        assertNotNull(rebuilt);
        assertEquals(2, rebuilt.highestVersion());
        restartApp();
        try (RuleUpdater u = updater(new FolderSource(share))) {
            assertEquals(RuleUpdater.Status.APPLIED, u.loadInstalled().status());
            assertTrue(listener.rejected.isEmpty(), "the rebuilt state is trusted again");
        }
    }

    @Test
    void missingStateFileIsReportedAndTheHighestBundlePresentWins() throws IOException {
        applyFromShare(1, 2);
        Path current = agentRules.resolve(RuleUpdater.CURRENT);
        Path previous = agentRules.resolve(RuleUpdater.PREVIOUS);
        Path swap = agentRules.resolve("swap");
        Files.move(current, swap);
        Files.move(previous, current);
        Files.move(swap, previous);
        Files.delete(agentRules.resolve(UpdaterState.FILE_NAME));
        restartApp();
        try (RuleUpdater u = updater(new FolderSource(share))) {
            assertEquals(RuleUpdater.Status.APPLIED, u.loadInstalled().status());
            assertEquals(2, active.version());
            assertEquals(List.of(RejectReason.STATE_UNTRUSTED, RejectReason.ROLLBACK), reported());
            publishToShare(bundles.signed(1));
            assertEquals(RejectReason.NOT_NEWER, u.checkNow().reason());
        }
        assertEquals(2, UpdaterState.read(agentRules.resolve(UpdaterState.FILE_NAME)).highestVersion());
    }

    @Test
    void corruptStateFileWithNothingInstalledIsReportedAndStartsAtBaseline() throws IOException {
        Files.createDirectories(agentRules);
        Files.write(agentRules.resolve(UpdaterState.FILE_NAME), new byte[] {0, 1, 2, (byte) 0xff});
        try (RuleUpdater u = updater(new FolderSource(share))) {
            assertEquals(RuleUpdater.Status.BASELINE, u.loadInstalled().status());
            assertEquals(List.of(RejectReason.STATE_UNTRUSTED), reported());
            publishToShare(bundles.signed(1));
            assertEquals(RuleUpdater.Status.APPLIED, u.checkNow().status());
        }
    }
}
