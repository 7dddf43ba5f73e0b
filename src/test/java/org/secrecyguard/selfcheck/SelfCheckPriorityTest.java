package org.secrecyguard.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.extract.DocumentExtractor;
import org.secrecyguard.platform.linux.LinuxBackgroundPriority;
import org.secrecyguard.scan.Scanner;
import org.secrecyguard.scan.Scanners;

/**
 * The self-check's files are parsed at its low priority, and the workers that parse what the user pastes
 * or uploads keep theirs: on Linux a thread started by a lowered thread inherits its nice value and I/O
 * class, so a check handing its Word files to the shared workers lowered them (or ran at full priority).
 */
class SelfCheckPriorityTest {
    private static final int IDLE_IO_CLASS = 3;

    @Test
    void wordFilesOfACheckAreParsedByLoweredWorkersOfItsOwn(@TempDir Path dir) throws Exception {
        LinuxBackgroundPriority linux = (LinuxBackgroundPriority) LinuxBackgroundPriority.forArch(System.getProperty("os.arch"));
        assumeTrue(linux != null, "system call numbers known for x86_64 and aarch64 only");
        Path docx = docx(dir.resolve("data/通知.docx"));
        AtomicReference<CheckSummary> summary = new AtomicReference<>();
        Thread checker = new Thread(() -> {
            try (CheckIndex index = CheckIndex.open(dir.resolve("index.db"));
                 Scanner scanner = Scanners.uncached(Baseline::engine, false, null, linux::lowerCurrentThread)) {
                SelfCheck check = new SelfCheck(scanner, index, RulesKey.baseline("test", false),
                        new SkippedFolders(CheckTree.NO_SYSTEM, List.of()), BusySignal.NEVER, linux,
                        java.time.Clock.systemUTC(), 2);
                summary.set(check.run(List.of(docx.getParent()), false, false, CheckListener.NONE, new Cancel()));
            }
        });
        checker.start();
        checker.join();
        assertEquals(1, summary.get().flagged().size(), "the Word file was parsed and its marking found");

        // Its workers idle for a few seconds after the check: long enough to look at them.
        Map<Integer, String> checkWorkers = threadsNamed("check-extract-");
        assertFalse(checkWorkers.isEmpty(), "the check parsed the Word file on a worker of its own");
        for (int tid : checkWorkers.keySet()) {
            assertEquals(19, linux.niceOf(tid), checkWorkers.get(tid));
            assertEquals(IDLE_IO_CLASS, linux.ioClassOf(tid), checkWorkers.get(tid));
        }

        new DocumentExtractor().extract(docx); // what a channel of the tray does next, at normal priority
        Map<Integer, String> shared = threadsNamed("extract-worker-");
        assertFalse(shared.isEmpty());
        for (int tid : shared.keySet()) {
            assertEquals(0, linux.niceOf(tid), shared.get(tid) + " parses for the interactive checks");
        }
    }

    private static Path docx(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            for (String line : CheckTree.MARKED.split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
        }
        return file;
    }

    /** Thread ids of this JVM by their OS name (Java names its threads in /proc, cut to 15 bytes). */
    private static Map<Integer, String> threadsNamed(String prefix) throws IOException {
        Map<Integer, String> found = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String comm = Files.readString(task.resolve("comm")).strip();
                if (comm.startsWith(prefix)) {
                    found.put(Integer.parseInt(task.getFileName().toString()), comm);
                }
            }
        }
        return found;
    }
}
