package org.secrecyguard.events.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.events.Event;
import org.secrecyguard.events.EventLog;
import org.secrecyguard.events.Uploader;
import org.secrecyguard.events.UploaderConfig;

/** The collector against a real PostgreSQL server started for this class. */
class PostgresCollectorTest {
    private static PostgresServer postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void storesUploadsInPostgresAndDeduplicatesByUuid() throws Exception {
        try (JdbcCollectorStore store = JdbcCollectorStore.open(postgres.jdbcUrl());
             EventCollector collector = EventCollector.start(new InetSocketAddress("127.0.0.1", 0), store, null,
                     EventCollector.Limits.defaults());
             EventLog log = EventLog.open(dir.resolve("events.db"))) {
            assertTrue(store.toString().startsWith("PostgreSQL jdbc:postgresql://127.0.0.1:"), store.toString());
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                events.add(EventCollectorTest.event(i));
            }
            log.appendAll(events);

            // The same batch posted twice, as an agent does when the first answer was lost.
            HttpClient http = HttpClient.newHttpClient();
            String body = EventCollectorTest.ndjson(events.subList(0, 10));
            for (int attempt = 0; attempt < 2; attempt++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(collector.eventsUri())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                assertEquals(10, new ObjectMapper().readTree(r.body()).get("stored").size());
                assertEquals(attempt == 0 ? 10 : 0, new ObjectMapper().readTree(r.body()).get("added").asInt());
            }

            try (Uploader uploader = new Uploader(log, UploaderConfig.defaults(collector.eventsUri())
                    .withBatchSize(4).withInterval(Duration.ofMillis(50)))) {
                uploader.start();
                org.secrecyguard.testing.Await.until(Duration.ofSeconds(30), () -> log.pendingCount() == 0,
                        "every event uploaded");
            }
            assertEquals(0, log.pendingCount());
            assertEquals(25, store.count());
            assertEquals(new HashSet<>(ids(events)),
                    new HashSet<>(store.ids()));
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(DISTINCT uuid), count(*) FROM collected_events")) {
                assertTrue(rs.next());
                assertEquals(25, rs.getInt(1));
                assertEquals(25, rs.getInt(2));
            }
        }
    }

    private static List<UUID> ids(List<Event> events) {
        return events.stream().map(Event::id).toList();
    }

    @Test
    void theSelfCheckOverviewReadsTheSameFromPostgres() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        List<Event> events = List.of(
                Event.builder(org.secrecyguard.events.EventKind.SELF_CHECK).host("PC-PG1").channel("self-check")
                        .action("COMPLETED").time(now.minus(Duration.ofDays(3)))
                        .detail("files=10 bytes=1 read=10 read_bytes=1 unchanged=0 flagged=2(CONFIDENTIAL:1,TOP_SECRET:1)"
                                + " errors=0 duration_ms=5 run=1").build(),
                Event.builder(org.secrecyguard.events.EventKind.SELF_CHECK).host("PC-PG1").channel("self-check")
                        .action("STOPPED").time(now.minus(Duration.ofDays(1))).detail("files=3 flagged=0 errors=0").build(),
                Event.builder(org.secrecyguard.events.EventKind.AGENT_STARTED).host("PC-PG2").channel("system")
                        .action("INFO").time(now).build());
        try (JdbcCollectorStore store = JdbcCollectorStore.open(postgres.jdbcUrl());
             EventCollector collector = EventCollector.start(new InetSocketAddress("127.0.0.1", 0), store, null,
                     EventCollector.Limits.defaults())) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(collector.eventsUri())
                    .POST(HttpRequest.BodyPublishers.ofString(EventCollectorTest.ndjson(events))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            java.util.Map<String, PcSelfCheck> pcs = new java.util.HashMap<>();
            store.selfChecks().forEach(p -> pcs.put(p.host(), p));
            PcSelfCheck pg1 = pcs.get("PC-PG1");
            assertEquals(events.get(0).time(), pg1.lastCompleted(), "the completed run, not the later stopped one");
            assertEquals(events.get(1).time(), pg1.lastSeen());
            assertEquals(java.util.List.of("TOP_SECRET", "CONFIDENTIAL"), List.copyOf(pg1.flaggedByLevel().keySet()));
            assertEquals(2, pg1.flagged());
            assertEquals(null, pcs.get("PC-PG2").lastCompleted());
            assertTrue(pcs.get("PC-PG2").overdue(now.minus(Duration.ofDays(8))));
            assertTrue(!pg1.overdue(now.minus(Duration.ofDays(8))) && pg1.overdue(now.minus(Duration.ofDays(2))));
        }
    }
}
