package org.secrecyguard.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Level;
import org.secrecyguard.rules.RuleSnapshot;

class SelfCheckTest {
    @TempDir
    Path tmp;

    private Path tree(int clean, int marked) throws Exception {
        Path root = tmp.resolve("home");
        for (int i = 0; i < clean; i++) {
            CheckTree.write(root.resolve("docs/d" + (i % 3) + "/note" + i + ".txt"), CheckTree.CLEAN + i);
        }
        for (int i = 0; i < marked; i++) {
            CheckTree.write(root.resolve("docs/secret" + i + ".txt"), CheckTree.MARKED);
        }
        return root;
    }

    @Test
    void secondCheckReadsNothingUnchangedAndOnlyTheEditedFileAfterAnEdit() throws Exception {
        Path root = tree(20, 2);
        try (CheckIndex index = CheckIndex.open(tmp.resolve("index.db"))) {
            CheckSummary first = CheckTree.checkBaseline(index, List.of(root), false, false, CheckListener.NONE,
                    new Cancel(), BusySignal.NEVER);
            assertEquals(22, first.filesSeen());
            assertEquals(22, first.filesRead());
            assertEquals(2, first.flaggedCount());
            assertEquals(2, first.flaggedByLevel().get(Level.SECRET));
            assertTrue(first.completed());

            CheckSummary second = CheckTree.checkBaseline(index, List.of(root), false, false, CheckListener.NONE,
                    new Cancel(), BusySignal.NEVER);
            assertEquals(22, second.filesSeen());
            assertEquals(0, second.filesRead(), "nothing changed: nothing read");
            assertEquals(22, second.filesUnchanged());
            assertEquals(2, second.flaggedCount(), "the report still lists the files flagged before");
            assertTrue(second.flaggedRead().isEmpty());

            CheckTree.edit(root.resolve("docs/d0/note0.txt"), CheckTree.MARKED);
            Files.delete(root.resolve("docs/secret1.txt"));
            CheckSummary third = CheckTree.checkBaseline(index, List.of(root), false, false, CheckListener.NONE,
                    new Cancel(), BusySignal.NEVER);
            assertEquals(1, third.filesRead(), "only the edited file is read");
            assertEquals(2, third.flaggedCount(), "one newly marked, one deleted");
            assertTrue(third.flagged().stream().anyMatch(f -> f.path().endsWith("note0.txt")));
            assertFalse(third.flagged().stream().anyMatch(f -> f.path().endsWith("secret1.txt")));

            CheckSummary full = CheckTree.checkBaseline(index, List.of(root), true, false, CheckListener.NONE,
                    new Cancel(), BusySignal.NEVER);
            assertEquals(21, full.filesRead(), "--full reads everything again");
        }
    }

    @Test
    void flaggedFilesGetAContentHashAndCleanOnesDoNot() throws Exception {
        Path root = tree(3, 1);
        try (CheckIndex index = CheckIndex.open(tmp.resolve("index.db"))) {
            CheckTree.checkBaseline(index, List.of(root), false, false, CheckListener.NONE, new Cancel(), BusySignal.NEVER);
            assertEquals(64, index.get(root.resolve("docs/secret0.txt").toString()).orElseThrow().sha256().length());
            assertEquals(null, index.get(root.resolve("docs/d0/note0.txt").toString()).orElseThrow().sha256());
        }
    }

    @Test
    void addingAKeywordRereadsEverythingRemovingItRereadsOnlyWhatItFlagged() throws Exception {
        Path root = tree(10, 1);
        CheckTree.write(root.resolve("plan.txt"), "本周讨论青龙工程的进度安排。\n");
        Path db = tmp.resolve("rules.db");
        CheckTree.cli("rules", "init", "--db", db.toString());
        RuleSnapshot markingsOnly = CheckTree.snapshot(db);
        CheckTree.cli("rules", "keyword", "--db", db.toString(), "--level", "SECRET", "青龙工程");
        RuleSnapshot withKeyword = CheckTree.snapshot(db);
        try (CheckIndex index = CheckIndex.open(tmp.resolve("index.db"))) {
            CheckSummary before = CheckTree.checkWith(markingsOnly, index, List.of(root));
            assertEquals(12, before.filesRead());
            assertEquals(1, before.flaggedCount());

            CheckSummary added = CheckTree.checkWith(withKeyword, index, List.of(root));
            assertEquals(12, added.filesRead(), "a new keyword may be in any file: all are read");
            assertEquals(2, added.flaggedCount());

            CheckTree.cli("rules", "keyword", "--db", db.toString(), "--remove", "kw:1");
            RuleSnapshot removed = CheckTree.snapshot(db);
            CheckSummary afterRemoval = CheckTree.checkWith(removed, index, List.of(root));
            assertEquals(2, afterRemoval.filesRead(), "only the two flagged files are read again");
            assertEquals(10, afterRemoval.filesRekeyed(), "clean files stay clean when rules are only removed");
            assertEquals(1, afterRemoval.flaggedCount(), "the keyword's file is no longer flagged");

            CheckSummary again = CheckTree.checkWith(removed, index, List.of(root));
            assertEquals(0, again.filesRead());
        }
    }

    @Test
    void aPolicyOnlyRulesUpdateRereadsNothing() throws Exception {
        Path root = tree(5, 1);
        Path db = tmp.resolve("rules.db");
        CheckTree.cli("rules", "init", "--db", db.toString());
        RuleSnapshot v1 = CheckTree.snapshot(db);
        CheckTree.cli("rules", "app", "add", "--db", db.toString(), "--channel", "all", "Feishu.exe");
        RuleSnapshot v2 = CheckTree.snapshot(db);
        try (CheckIndex index = CheckIndex.open(tmp.resolve("index.db"))) {
            assertEquals(6, CheckTree.checkWith(v1, index, List.of(root)).filesRead());
            assertEquals(0, CheckTree.checkWith(v2, index, List.of(root)).filesRead(),
                    "external applications do not change what files contain");
        }
    }

    @Test
    void anInterruptedCheckResumesWithWhatWasLeft() throws Exception {
        Path root = tree(0, 12);
        try (CheckIndex index = CheckIndex.open(tmp.resolve("index.db"))) {
            Cancel cancel = new Cancel();
            AtomicInteger seen = new AtomicInteger();
            CheckListener stopAfterFour = new CheckListener() {
                @Override
                public void flagged(FlaggedFile file) {
                    if (seen.incrementAndGet() == 4) {
                        cancel.cancel();
                    }
                }
            };
            CheckSummary stopped = CheckTree.checkBaseline(index, List.of(root), false, false, stopAfterFour, cancel,
                    BusySignal.NEVER);
            assertFalse(stopped.completed());
            assertEquals(4, stopped.filesRead());
            assertEquals("STOPPED", index.unfinishedRun().orElseThrow().state());

            // A new process: the index is opened again and the check resumed without naming the folders.
            CheckSummary resumed;
            try (CheckIndex reopened = CheckIndex.open(tmp.resolve("index.db"))) {
                List<Long> readNow = Collections.synchronizedList(new ArrayList<>());
                resumed = CheckTree.checkBaseline(reopened, List.of(), false, true, new CheckListener() {
                    @Override
                    public void flagged(FlaggedFile file) {
                        readNow.add(1L);
                    }
                }, new Cancel(), BusySignal.NEVER);
                assertEquals(8, readNow.size(), "only the files the stopped run had not read");
                assertTrue(reopened.unfinishedRun().isEmpty());
            }
            assertTrue(resumed.completed());
            assertTrue(resumed.resumed());
            assertEquals(stopped.runId(), resumed.runId());
            assertEquals(12, resumed.filesRead(), "the run's count covers both segments");
            assertEquals(12, resumed.flaggedCount());
        }
    }

    @Test
    void aFileCutShortByTheStopIsReadWhenTheCheckResumes() throws Exception {
        Path root = tree(0, 6);
        Path cut = root.resolve("docs/secret3.txt");
        org.secrecyguard.extract.DocumentExtractor real = new org.secrecyguard.extract.DocumentExtractor();
        Cancel cancel = new Cancel();
        // As when the window's stop interrupts a check thread in the middle of reading secret3.txt.
        org.secrecyguard.scan.DocumentSource stoppedOnThird = file -> {
            if (file.equals(cut)) {
                cancel.cancel();
                throw new org.secrecyguard.extract.ExtractionException(
                        org.secrecyguard.extract.ExtractionException.Reason.TIMEOUT, "interrupted: cannot be checked");
            }
            return real.extractOnCaller(file);
        };
        try (CheckIndex index = CheckIndex.open(tmp.resolve("index.db"))) {
            CheckSummary stopped;
            try (var scanner = new org.secrecyguard.scan.Scanner(org.secrecyguard.engine.Baseline::engine, stoppedOnThird,
                    org.secrecyguard.scan.PictureChecker.none("test"), uncachedLimits())) {
                stopped = new SelfCheck(scanner, index, RulesKey.baseline("test", false),
                        new SkippedFolders(CheckTree.NO_SYSTEM, List.of()), BusySignal.NEVER,
                        org.secrecyguard.platform.BackgroundPriority.JAVA_ONLY, java.time.Clock.systemUTC(), 1)
                        .run(List.of(root), false, false, CheckListener.NONE, cancel);
            }
            assertFalse(stopped.completed());
            assertEquals(0, stopped.errorCount(), "the stop is not an error of the file");
            CheckSummary resumed = CheckTree.checkBaseline(index, List.of(), false, true, CheckListener.NONE,
                    new Cancel(), BusySignal.NEVER);
            assertTrue(resumed.completed());
            assertEquals(0, resumed.errorCount());
            assertEquals(6, resumed.flaggedCount(), "secret3.txt was read by the resumed run");
        }
    }

    /** No result cache: the six files are alike, and a cached verdict would never reach the source. */
    private static org.secrecyguard.scan.ScanLimits uncachedLimits() {
        org.secrecyguard.scan.ScanLimits d = org.secrecyguard.scan.ScanLimits.defaults();
        return new org.secrecyguard.scan.ScanLimits(d.maxFileBytes(), d.fileBudget(), 0);
    }

    @Test
    void waitsWhileTheUserIsBusyAndSaysSo() throws Exception {
        Path root = tree(3, 0);
        AtomicInteger asked = new AtomicInteger();
        BusySignal busyTwice = () -> asked.incrementAndGet() <= 2;
        List<Boolean> pausedStates = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (CheckIndex index = CheckIndex.open(tmp.resolve("index.db"))) {
            CheckSummary s = CheckTree.checkBaseline(index, List.of(root), false, false, new CheckListener() {
                @Override
                public void progress(CheckProgress p) {
                    pausedStates.add(p.paused());
                }
            }, new Cancel(), busyTwice);
            assertTrue(s.completed());
            assertEquals(3, s.filesRead());
        }
        assertTrue(pausedStates.contains(true), "progress said it paused");
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 2 * SelfCheck.BUSY_POLL_MILLIS - 100,
                "it waited while the user was busy");
    }

    @Test
    void skipsCachesToolFoldersAndTheGuardsOwnData() throws Exception {
        Path root = tmp.resolve("home");
        CheckTree.write(root.resolve("doc.txt"), CheckTree.MARKED);
        CheckTree.write(root.resolve(".cache/x/copy.txt"), CheckTree.MARKED);
        CheckTree.write(root.resolve("proj/node_modules/a/readme.txt"), CheckTree.MARKED);
        CheckTree.write(root.resolve(".local/share/secrecy-guard/quarantine/q.txt"), CheckTree.MARKED);
        try (CheckIndex index = CheckIndex.open(tmp.resolve("index.db"));
             var scanner = org.secrecyguard.scan.Scanners.uncached(org.secrecyguard.engine.Baseline::engine, false, null, () -> { })) {
            SelfCheck check = new SelfCheck(scanner, index, RulesKey.baseline("test", false),
                    new SkippedFolders(CheckTree.NO_SYSTEM, List.of(root.resolve(".local/share/secrecy-guard"))),
                    BusySignal.NEVER, org.secrecyguard.platform.BackgroundPriority.JAVA_ONLY,
                    java.time.Clock.systemUTC(), 2);
            CheckSummary s = check.run(List.of(root), false, false, CheckListener.NONE, new Cancel());
            assertEquals(1, s.filesSeen());
            assertEquals(1, s.flaggedCount());
        }
    }

    @Test
    void aRootInsideAnotherIsWalkedOnce() throws Exception {
        Path root = tree(4, 1);
        try (CheckIndex index = CheckIndex.open(tmp.resolve("index.db"))) {
            CheckSummary s = CheckTree.checkBaseline(index, List.of(root.resolve("docs"), root), false, false,
                    CheckListener.NONE, new Cancel(), BusySignal.NEVER);
            assertEquals(List.of(root.toString()), s.roots());
            assertEquals(5, s.filesSeen());
            assertEquals(5, s.filesRead());
        }
    }

    @Test
    void systemFoldersAreSkippedUnlessTheRootItselfIsOne() throws Exception {
        Path root = tmp.resolve("disk");
        CheckTree.write(root.resolve("公文/a.txt"), CheckTree.MARKED);
        CheckTree.write(root.resolve("usr/share/doc/b.txt"), CheckTree.MARKED);
        org.secrecyguard.platform.LocalDisks disks = new org.secrecyguard.platform.LocalDisks() {
            @Override
            public List<Path> dataRoots() {
                return List.of(root);
            }

            @Override
            public List<Path> removableRoots() {
                return List.of();
            }

            @Override
            public boolean isSystemFolder(Path folder) {
                return folder.startsWith(root.resolve("usr"));
            }
        };
        SkippedFolders skipped = new SkippedFolders(disks, List.of());
        assertTrue(skipped.skips(root.resolve("usr"), root));
        assertFalse(skipped.skips(root.resolve("公文"), root));
        assertFalse(skipped.skips(root.resolve("usr/share/doc"), root.resolve("usr/share")),
                "a system folder the user named is checked");
        assertTrue(skipped.skips(root.resolve("usr/share/.cache"), root.resolve("usr/share")));
    }
}
