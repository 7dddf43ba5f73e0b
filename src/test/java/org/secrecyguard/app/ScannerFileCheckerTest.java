package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.engine.Level;
import org.secrecyguard.scan.Scanner;
import org.secrecyguard.scan.Scanners;
import org.secrecyguard.ui.FileCheckResult;

/** The check-a-file window's verdicts come from the real scanner, in the words of `scan --json`. */
class ScannerFileCheckerTest {
    @Test
    void markedPublicAndUnreadableFiles(@TempDir Path dir) throws Exception {
        Path marked = Files.writeString(dir.resolve("通知.txt"), "机密★1年\n关于某项工作的通知\n", StandardCharsets.UTF_8);
        Path internal = Files.writeString(dir.resolve("会议.txt"), "内部资料 注意保存\n会议安排\n", StandardCharsets.UTF_8);
        Path plain = Files.writeString(dir.resolve("活动.txt"), "关于开展全民健身活动的通知\n", StandardCharsets.UTF_8);
        try (Scanner scanner = Scanners.forFiles(Baseline::engine, false)) {
            ScannerFileChecker checker = new ScannerFileChecker(scanner);
            FileCheckResult m = checker.check(marked);
            assertEquals("block", m.verdict());
            assertEquals(Level.SECRET, m.level());
            assertEquals("warn", checker.check(internal).verdict());
            assertEquals("allow", checker.check(plain).verdict());
            FileCheckResult missing = checker.check(dir.resolve("gone.txt"));
            assertEquals("error", missing.verdict());
            assertFalse(missing.message().isEmpty());
        }
    }
}
