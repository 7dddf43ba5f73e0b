package org.secrecyguard.events;

import org.secrecyguard.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Level;

class EventLogTest {
    private static final Instant T0 = Instant.parse("2026-10-01T01:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0, ZoneId.of("Asia/Shanghai"));

    private EventLog open() {
        return EventLog.open(dir.resolve("events.db"), EventLogConfig.defaults().withClock(clock));
    }

    @Test
    void appendedEventsComeBackUnchangedAfterReopening() {
        Event a = TestEvents.keywordOnDrive("红星七号", Level.SECRET, T0);
        Event b = Event.system(EventKind.CHANNEL_DOWN, "no DISPLAY").time(T0.plusSeconds(1)).build();
        try (EventLog log = open()) {
            log.append(a);
            log.append(b);
        }
        try (EventLog log = open()) {
            assertEquals(List.of(b, a), log.recent(10));
        }
    }

    @Test
    void appendingTheSameEventTwiceKeepsOneRow() {
        Event a = TestEvents.marking(Level.SECRET, T0);
        try (EventLog log = open()) {
            log.append(a);
            log.appendAll(List.of(a, a));
            assertEquals(1, log.count());
        }
    }

    @Test
    void pendingListsNationalSecretsFirstThenOldest() {
        Event internalOld = TestEvents.internal(T0);
        Event secretNew = TestEvents.marking(Level.SECRET, T0.plusSeconds(30));
        Event systemMid = Event.system(EventKind.AGENT_STARTED, null).time(T0.plusSeconds(10)).build();
        Event topSecretNewest = TestEvents.marking(Level.TOP_SECRET, T0.plusSeconds(40));
        try (EventLog log = open()) {
            log.appendAll(List.of(internalOld, secretNew, systemMid, topSecretNewest));
            assertEquals(List.of(secretNew, topSecretNewest, internalOld, systemMid), log.pending(10));
            assertEquals(List.of(secretNew, topSecretNewest), log.pending(2));
        }
    }

    @Test
    void markedEventsLeavePendingAndCarryTheirUploadTime() {
        Event a = TestEvents.marking(Level.SECRET, T0);
        Event b = TestEvents.internal(T0.plusSeconds(1));
        try (EventLog log = open()) {
            log.appendAll(List.of(a, b));
            clock.advance(Duration.ofMinutes(5));
            assertEquals(1, log.markUploaded(List.of(a.id(), UUID.randomUUID())));
            assertEquals(0, log.markUploaded(List.of(a.id())), "marking twice changes nothing");
            assertEquals(List.of(b), log.pending(10));
            Event stored = log.recent(10).get(1);
            assertEquals(a.id(), stored.id());
            assertEquals(T0.plus(Duration.ofMinutes(5)).toEpochMilli(), stored.uploadedAtMillis());
        }
    }

    @Test
    void queryFiltersByTimeRangeLevelChannelAndKind() {
        Event secret = TestEvents.marking(Level.SECRET, T0);
        Event internal = TestEvents.internal(T0.plusSeconds(60));
        Event drive = TestEvents.keywordOnDrive("红星七号", Level.CONFIDENTIAL, T0.plusSeconds(120));
        Event down = Event.system(EventKind.CHANNEL_DOWN, "x").time(T0.plusSeconds(180)).build();
        try (EventLog log = open()) {
            log.appendAll(List.of(secret, internal, drive, down));
            assertEquals(List.of(internal, drive),
                    log.query(EventFilter.ALL.since(T0.plusSeconds(60)).until(T0.plusSeconds(180))));
            assertEquals(List.of(secret, drive), log.query(EventFilter.ALL.minLevel(Level.CONFIDENTIAL)));
            assertEquals(List.of(drive), log.query(EventFilter.ALL.channel("removable_drive")));
            assertEquals(List.of(down), log.query(EventFilter.ALL.kind(EventKind.CHANNEL_DOWN)));
            assertEquals(List.of(down, drive), log.query(EventFilter.ALL.limit(2).newestFirst(true)));
        }
    }

    @Test
    void pruneDeletesOnlyUploadedEventsPastRetention() {
        EventLogConfig cfg = EventLogConfig.defaults().withClock(clock).withRetention(Duration.ofDays(30));
        Event oldUploaded = TestEvents.marking(Level.SECRET, T0);
        Event oldPending = TestEvents.internal(T0.plusSeconds(1));
        Event newUploaded = TestEvents.marking(Level.SECRET, T0.plus(Duration.ofDays(20)));
        try (EventLog log = EventLog.open(dir.resolve("events.db"), cfg)) {
            log.appendAll(List.of(oldUploaded, oldPending, newUploaded));
            log.markUploaded(List.of(oldUploaded.id(), newUploaded.id()));
            clock.advance(Duration.ofDays(40));
            assertEquals(1, log.prune());
            Set<UUID> left = new HashSet<>(EventLog.ids(log.recent(10)));
            assertEquals(Set.of(oldPending.id(), newUploaded.id()), left);
        }
    }

    @Test
    void theWriterPrunesExpiredEventsOnItsOwnWhileIdle() throws Exception {
        EventLogConfig cfg = EventLogConfig.defaults().withClock(clock).withRetention(Duration.ofDays(30))
                .withMaintenanceInterval(Duration.ofMillis(20));
        Event old = TestEvents.marking(Level.SECRET, T0);
        try (EventLog log = EventLog.open(dir.resolve("events.db"), cfg)) {
            log.append(old);
            log.markUploaded(List.of(old.id()));
            clock.advance(Duration.ofDays(31));
            UploaderTest.await(() -> log.count() == 0, "idle maintenance prunes the expired uploaded event");
        }
    }

    @Test
    void sizeCapPrunesUploadedEventsFirstThenWarnsOncePerCrossing() {
        long cap = 256 * 1024;
        EventLogConfig cfg = EventLogConfig.defaults().withClock(clock).withSizeCapBytes(cap);
        Path file = dir.resolve("events.db");
        try (EventLog log = EventLog.open(file, cfg)) {
            fillPast(log, cap);
            assertEquals(1, warnings(log), "one warning when pending events pass the cap");
            log.appendAll(batch(200));
            assertEquals(1, warnings(log), "no repeat while still over the cap");
        }
        List<Event> heard = new CopyOnWriteArrayList<>();
        try (EventLog log = EventLog.open(file, cfg)) {
            log.addListener(events -> events.stream().filter(e -> e.kind() == EventKind.LOG_CAP_WARNING)
                    .forEach(heard::add));
            log.appendAll(batch(50));
            assertEquals(List.of(), heard, "no repeat after a restart either");
            long before = log.count();
            // The collector comes back and takes everything: uploaded events now make room.
            log.markUploaded(EventLog.ids(log.pending(Integer.MAX_VALUE)));
            log.appendAll(batch(10));
            assertTrue(log.usedBytes() <= cap, "uploaded events pruned to get under the cap");
            assertTrue(log.count() < before, "some uploaded events were pruned");
            assertEquals(10, log.pendingCount(), "pending events are never pruned");
            fillPast(log, cap);
            assertEquals(1, heard.size(), "a new crossing warns again");
            assertTrue(heard.get(0).detail().contains("wait for upload"), heard.get(0).detail());
        }
    }

    private static int warnings(EventLog log) {
        return log.query(EventFilter.ALL.kind(EventKind.LOG_CAP_WARNING)).size();
    }

    private static void fillPast(EventLog log, long cap) {
        while (log.usedBytes() <= cap * 11 / 10) {
            log.appendAll(batch(200));
        }
        log.append(TestEvents.internal(T0)); // one more commit so the check after it sees the size
    }

    private static List<Event> batch(int n) {
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestEvents.keywordOnDrive("红星七号", Level.SECRET, T0.plusMillis(i)));
        }
        return out;
    }

    @Test
    void concurrentAppendsFromManyThreadsAreAllStored() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<UUID> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (EventLog log = open()) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                boolean async = t % 2 == 0;
                jobs.add(pool.submit(() -> {
                    List<CompletableFuture<Void>> acks = new ArrayList<>();
                    for (int i = 0; i < 300; i++) {
                        Event e = TestEvents.marking(Level.SECRET, T0.plusMillis(i));
                        if (async) {
                            acks.add(log.appendAsync(e));
                        } else {
                            log.append(e);
                        }
                        written.add(e.id());
                    }
                    acks.forEach(CompletableFuture::join);
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
            assertEquals(2400, log.count());
            assertEquals(written, new HashSet<>(EventLog.ids(log.pending(10_000))));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listenersHearEventsOnlyAfterTheyAreCommitted() {
        List<Event> heard = new CopyOnWriteArrayList<>();
        try (EventLog log = open()) {
            log.addListener(events -> {
                for (Event e : events) {
                    assertTrue(log.query(EventFilter.ALL).contains(e), "visible to readers when heard");
                }
                heard.addAll(events);
            });
            Event a = TestEvents.marking(Level.TOP_SECRET, T0);
            log.append(a);
            assertEquals(List.of(a), heard);
        }
    }

    @Test
    void usesWriteAheadLogging() throws Exception {
        try (EventLog log = open()) {
            log.append(TestEvents.internal(T0));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + log.file());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                assertTrue(rs.next());
                assertEquals("wal", rs.getString(1));
            }
        }
    }

    @Test
    void aLogOfTheFirstSchemaIsUpgradedAndItsPendingEventsStillGoOut() throws Exception {
        Path file = dir.resolve("events.db");
        Event pending = TestEvents.marking(Level.SECRET, T0);
        Event refused = TestEvents.internal(T0.plusSeconds(1));
        try (EventLog log = open()) {
            log.append(pending);
            log.append(refused);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) { // back to schema 1 as the first release wrote it
            s.execute("DROP INDEX events_pending");
            s.execute("ALTER TABLE events DROP COLUMN refused_reason");
            s.execute("CREATE INDEX events_pending ON events(national DESC, time_ms, seq) WHERE uploaded_at IS NULL");
            s.execute("PRAGMA user_version = 1");
        }
        try (EventLog log = open()) {
            assertEquals(2, log.pendingCount());
            assertEquals(1, log.markRefused(java.util.Map.of(refused.id(), "line longer than 4096 bytes")));
            assertEquals(List.of(pending.id()), log.pending(10).stream().map(Event::id).toList());
            assertEquals(1, log.refusedCount());
            assertEquals(2, log.count(), "a refused event stays in the log");
            Event kept = log.query(EventFilter.ALL).stream().filter(e -> e.id().equals(refused.id())).findFirst()
                    .orElseThrow();
            assertEquals("line longer than 4096 bytes", kept.refusedReason());
            assertFalse(kept.uploaded());
        }
    }

    @Test
    void refusesALogWrittenByANewerVersion() throws Exception {
        Path file = dir.resolve("events.db");
        open().close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        EventLogException e = assertThrows(EventLogException.class, this::open);
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotADatabaseAndLeavesItAlone() throws Exception {
        Path file = dir.resolve("events.db");
        byte[] junk = "这不是数据库 — not a database, but someone's file".repeat(100).getBytes();
        Files.write(file, junk);
        EventLogException e = assertThrows(EventLogException.class, this::open);
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertArrayEquals(junk, Files.readAllBytes(file));
    }

    @Test
    void readerSeesTheWritersCommitsWhileItRuns() {
        try (EventLog log = open()) {
            log.append(TestEvents.internal(T0));
            try (EventReader reader = EventReader.open(log.file())) {
                assertEquals(1, reader.count());
                log.append(TestEvents.internal(T0.plusSeconds(1)));
                assertEquals(2, reader.count());
                assertFalse(reader.pending(10).isEmpty());
            }
        }
    }

    @Test
    void readerRefusesAMissingLog() {
        EventLogException e = assertThrows(EventLogException.class,
                () -> EventReader.open(dir.resolve("absent.db")));
        assertTrue(e.getMessage().contains("no event log"), e.getMessage());
    }
}
