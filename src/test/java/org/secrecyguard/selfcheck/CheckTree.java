package org.secrecyguard.selfcheck;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.secrecyguard.cli.SecrecyGuardCommand;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.platform.BackgroundPriority;
import org.secrecyguard.platform.LocalDisks;
import org.secrecyguard.rules.EngineBuilder;
import org.secrecyguard.rules.RuleSnapshot;
import org.secrecyguard.rules.RuleStore;
import org.secrecyguard.scan.Scanner;
import org.secrecyguard.scan.Scanners;

/** Test folders of real files, real rules databases made by the real CLI, and a check over them. */
final class CheckTree {
    /** A GB/T 9704 header with a 机密 marking, and a body line that must never reach a report. */
    static final String MARKED = "000123\n机密★1年\n特急\n某某省人民政府文件\n某政发〔2026〕17号\n关于某重大专项的实施方案\n正文第一段写明了具体部署。\n";
    static final String CLEAN = "关于开展全民健身活动的通知\n欢迎大家报名参加。\n";
    static final LocalDisks NO_SYSTEM = new LocalDisks() {
        @Override
        public List<Path> dataRoots() {
            return List.of();
        }

        @Override
        public List<Path> removableRoots() {
            return List.of();
        }

        @Override
        public boolean isSystemFolder(Path folder) {
            return false;
        }
    };

    private CheckTree() {
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Rewrites a file and moves its time forward, as an editor saving it would. */
    static void edit(Path file, String text) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 5_000));
    }

    /** Runs the real command line (rules init, rules keyword …) and fails on a non-zero exit. */
    static void cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SecrecyGuardCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        if (exit != 0) {
            throw new AssertionError("exit " + exit + ": " + String.join(" ", args) + "\n" + out + err);
        }
    }

    static RuleSnapshot snapshot(Path db) {
        try (RuleStore store = RuleStore.open(db)) {
            return store.loadSnapshot();
        }
    }

    /** A check with the baseline rules. */
    static CheckSummary checkBaseline(CheckIndex index, List<Path> roots, boolean full, boolean resume,
                                      CheckListener listener, Cancel cancel, BusySignal busy) {
        return check(Baseline.engine(), RulesKey.baseline("test", false), index, roots, full, resume, listener, cancel,
                busy);
    }

    static CheckSummary checkWith(RuleSnapshot rules, CheckIndex index, List<Path> roots) {
        return check(EngineBuilder.build(rules), RulesKey.of(rules, "test", false), index, roots, false, false,
                CheckListener.NONE, new Cancel(), BusySignal.NEVER);
    }

    static CheckSummary check(Engine engine, RulesKey key, CheckIndex index, List<Path> roots, boolean full,
                              boolean resume, CheckListener listener, Cancel cancel, BusySignal busy) {
        try (Scanner scanner = Scanners.uncached(() -> engine, false, null, () -> { })) {
            SelfCheck check = new SelfCheck(scanner, index, key, new SkippedFolders(NO_SYSTEM, List.of()), busy,
                    BackgroundPriority.JAVA_ONLY, java.time.Clock.systemUTC(), 1);
            return check.run(roots, full, resume, listener, cancel);
        }
    }
}
