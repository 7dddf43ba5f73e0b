package org.secrecyguard.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.cli.SecrecyGuardCommand;

/**
 * The real {@code secrecy-guard check} in a child JVM, stopped by a signal while reading (what Ctrl-C or
 * a logout does): it records where it stood, and {@code --resume} reads only what was left.
 */
class CheckCommandSignalTest {
    @TempDir
    Path tmp;

    @Test
    void aSignalledCheckRecordsItsProgressAndResumeFinishesIt() throws Exception {
        Path root = tmp.resolve("home");
        String prose = "会议纪要，请各单位按时参加并做好准备。\n".repeat(300);
        int files = 6000;
        for (int i = 0; i < files; i++) {
            CheckTree.write(root.resolve("d" + (i % 30) + "/n" + i + ".txt"), i % 1000 == 7 ? CheckTree.MARKED : prose + i);
        }
        Path index = tmp.resolve("idx.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.secrecyguard.app.Main",
                "check", "--no-ocr", "--no-events", "--busy-seconds", "0", "--threads", "1", "--index", index.toString(),
                root.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = err.readLine()) != null && !line.startsWith("check: read")) {
            // wait until it is reading
        }
        assertTrue(line != null, "the check printed no reading line before it ended");
        // Reading 6,000 files takes about a second here: stop it a little way in.
        Thread.sleep(150);
        // Ctrl-C: SIGINT to the child (by its pid), which runs the JVM's shutdown hooks.
        int killed = new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        StringBuilder rest = new StringBuilder();
        while ((line = err.readLine()) != null) {
            rest.append(line).append('\n');
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, killed, "the check ended before the signal:\n" + rest);
        long read;
        try (CheckIndex idx = CheckIndex.open(index)) {
            CheckIndex.Run run = idx.unfinishedRun().orElseThrow(() -> new AssertionError("no unfinished run\n" + rest));
            assertEquals("STOPPED", run.state(), rest.toString());
            read = run.filesRead();
            assertTrue(read > 0 && read < files, "stopped part-way: " + read);
            assertEquals(read, idx.filesUnder(root.toString()).size(), "every file it counted is in the index");
        }

        StringWriter out = new StringWriter();
        StringWriter errs = new StringWriter();
        int exit = SecrecyGuardCommand.newCommandLine(new PrintWriter(out), new PrintWriter(errs)).execute("check",
                "--no-ocr", "--no-events", "--busy-seconds", "0", "--resume", "--index", index.toString());
        assertEquals(1, exit, errs.toString());
        assertTrue(errs.toString().contains("check done: " + String.format("%,d", files) + " files"), errs.toString());
        assertTrue(errs.toString().contains("read " + String.format("%,d", files) + " "), "the run counts both parts: " + errs);
        try (CheckIndex idx = CheckIndex.open(index)) {
            assertEquals(files, idx.filesUnder(root.toString()).size());
            assertEquals(6, idx.flaggedUnder(List.of(root.toString())).size());
        }
    }
}
