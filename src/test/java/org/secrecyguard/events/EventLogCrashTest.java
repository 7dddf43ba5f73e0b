package org.secrecyguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is writing events (kill -9, no shutdown hooks) at random moments and checks that
 * every event it had acknowledged is in the log and the log is intact.
 */
class EventLogCrashTest {
    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventSurvivesKillNine() throws Exception {
        Path db = dir.resolve("events.db");
        Random random = new Random();
        Set<UUID> acknowledged = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<UUID> acked = runAndKill(db, 50 + random.nextInt(700));
            assertTrue(acked.size() > 0, "round " + round + ": the child acknowledged nothing before it was killed");
            System.out.printf("round %d: %d acknowledged before kill -9%n", round, acked.size());
            acknowledged.addAll(acked);

            Set<UUID> stored = storedIds(db);
            Set<UUID> missing = new HashSet<>(acknowledged);
            missing.removeAll(stored);
            assertEquals(Set.of(), missing, "round " + round + ": acknowledged events missing after kill -9");
            assertEquals("ok", integrityCheck(db), "round " + round);
        }
        try (EventLog log = EventLog.open(db)) {
            assertTrue(log.count() >= acknowledged.size());
            log.append(TestEvents.internal(java.time.Instant.now()));
        }
    }

    private List<UUID> runAndKill(Path db, long millisAfterReady) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The child's stdout goes to a file: what it printed before SIGKILL is in the file, and reading a
        // pipe while the JDK's process reaper closes it races ("Stream closed").
        Path stdout = Files.createTempFile(dir, "child-", ".out");
        Process p = new ProcessBuilder(java, "-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), EventWriterChild.class.getName(), db.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(stdout.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(stdout, StandardCharsets.UTF_8).startsWith("READY")) {
                assertTrue(p.isAlive(), "child died before it was ready");
                assertTrue(System.nanoTime() < deadline, "child did not get ready within 60 s");
                Thread.sleep(10);
            }
            Thread.sleep(millisAfterReady);
        } finally {
            p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close()
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        List<UUID> acked = new ArrayList<>();
        for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
            // A line cut by the kill is not an acknowledgement: only whole UUIDs count.
            if (line.length() == 36) {
                acked.add(UUID.fromString(line));
            }
        }
        return acked;
    }

    private static Set<UUID> storedIds(Path db) throws Exception {
        Set<UUID> ids = new HashSet<>();
        try (EventReader reader = EventReader.open(db)) {
            reader.forEach(EventFilter.ALL, e -> ids.add(e.id()));
        }
        return ids;
    }

    private static String integrityCheck(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
