package org.secrecyguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Level;
import org.secrecyguard.events.FaultyFront.Mode;
import org.secrecyguard.events.collect.EventCollector;
import org.secrecyguard.events.collect.JdbcCollectorStore;

class UploaderTest {
    private static final Instant T0 = Instant.parse("2026-10-01T13:00:00Z");

    @TempDir
    Path dir;

    private EventLog log;
    private JdbcCollectorStore store;
    private EventCollector collector;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        log = EventLog.open(dir.resolve("agent/events.db"));
        store = JdbcCollectorStore.open(dir.resolve("server/collected.db").toString());
        collector = EventCollector.start(new InetSocketAddress("127.0.0.1", 0), store, null,
                EventCollector.Limits.defaults());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        collector.close();
        store.close();
        log.close();
    }

    private static UploaderConfig fast(URI endpoint) {
        return UploaderConfig.defaults(endpoint).withBatchSize(7).withInterval(Duration.ofMillis(50))
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1500));
    }

    private List<Event> appendMixed(int n) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(i % 3 == 0 ? TestEvents.marking(Level.SECRET, T0.plusSeconds(i))
                    : TestEvents.internal(T0.plusSeconds(i)));
        }
        log.appendAll(events);
        return events;
    }

    private <T extends AutoCloseable> T closeLater(T c) {
        toClose.add(c);
        return c;
    }

    @Test
    void eventsSurviveACollectorThatIsDownFailsTimesOutAndDropsConnections() throws Exception {
        List<Event> events = appendMixed(40);
        int port = FaultyFront.freePort();
        Uploader uploader = closeLater(new Uploader(log, fast(URI.create("http://127.0.0.1:" + port + "/events"))));
        uploader.start();

        await(() -> uploader.status().consecutiveFailures() >= 2, "uploader notices the collector is down");
        assertEquals(40, log.pendingCount(), "nothing is marked while the collector is down");

        FaultyFront front = closeLater(new FaultyFront(port, collector.eventsUri(), List.of(
                Mode.HTTP_500, Mode.TIMEOUT, Mode.DROP_MID_REQUEST, Mode.STORE_THEN_DROP, Mode.PASS,
                Mode.STORE_THEN_DROP, Mode.HTTP_500, Mode.DROP_MID_REQUEST, Mode.STORE_THEN_DROP)));
        await(() -> log.pendingCount() == 0, "every event eventually acknowledged");

        Set<UUID> expected = new HashSet<>(EventLog.ids(events));
        assertEquals(expected, new HashSet<>(store.ids()));
        assertEquals(40, store.count(), "no event stored twice");
        assertTrue(front.duplicatesForwarded() > 0, "batches whose answer was lost were sent again");
        assertTrue(front.modesUsed.containsAll(List.of(Mode.TIMEOUT, Mode.DROP_MID_REQUEST, Mode.STORE_THEN_DROP)));
        assertTrue(log.recent(100).stream().allMatch(Event::uploaded));
        assertEquals(0, uploader.status().consecutiveFailures());
    }

    @Test
    void nationalSecretEventsAreSentAheadOfTheSchedule() throws Exception {
        FaultyFront front = closeLater(new FaultyFront(0, collector.eventsUri(), List.of()));
        Uploader uploader = closeLater(new Uploader(log, fast(front.uri()).withInterval(Duration.ofHours(1))));
        uploader.start();
        await(() -> uploader.status().lastSuccess() != null, "first (empty) round done");

        Event routine = TestEvents.internal(T0);
        java.util.concurrent.CountDownLatch committed = new java.util.concurrent.CountDownLatch(1);
        log.addListener(events -> committed.countDown()); // runs after the uploader's own listener
        log.append(routine);
        assertTrue(committed.await(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, uploader.status().wakes(), "routine events wait for the hourly round");
        assertEquals(1, log.pendingCount());

        Event secret = TestEvents.marking(Level.TOP_SECRET, T0.plusSeconds(5));
        log.append(secret);
        await(() -> log.pendingCount() == 0, "a 绝密 event is sent at once, taking the waiting one along");
        String firstLine = front.receivedBodies.get(0).split("\n")[0];
        assertEquals(secret.id(), EventJson.read(firstLine).id(), "national-secret events lead the batch");
    }

    @Test
    void onlyEventsTheCollectorSaysItStoredAreMarked() throws Exception {
        // A collector that stores (and names) only every other event it receives.
        HttpServer half = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        half.createContext("/events", ex -> {
            String[] lines = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("\n");
            StringBuilder ids = new StringBuilder();
            for (int i = 0; i < lines.length; i += 2) {
                ids.append(ids.length() == 0 ? "" : ",").append('"').append(EventJson.read(lines[i]).id()).append('"');
            }
            byte[] answer = ("{\"stored\":[" + ids + ",\"" + UUID.randomUUID() + "\"]}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        half.start();
        try {
            appendMixed(6);
            Uploader uploader = closeLater(new Uploader(log, fast(
                    URI.create("http://127.0.0.1:" + half.getAddress().getPort() + "/events")).withBatchSize(6)
                    .withInterval(Duration.ofHours(1))));
            uploader.start();
            await(() -> uploader.status().sentTotal() == 3, "three acknowledged");
            uploader.stop();
            assertEquals(3, log.pendingCount(), "the three not acknowledged stay pending");
            assertEquals(6, log.count(), "and an unknown UUID in the answer changes nothing");
        } finally {
            half.stop(0);
        }
    }

    @Test
    void anEventTheCollectorRefusesIsKeptLocallyAndNotSentAgain() throws Exception {
        List<Event> events = new ArrayList<>(appendMixed(5));
        Event huge = Event.system(EventKind.CHANNEL_DOWN, "通道不可用".repeat(2000)).time(T0.minusSeconds(60)).build();
        log.append(huge); // the oldest: it leads every batch it is in
        // A collector whose longest line is just long enough for the others, not for this one.
        int longest = events.stream().mapToInt(e -> EventJson.write(e).getBytes(StandardCharsets.UTF_8).length)
                .max().orElseThrow();
        assertTrue(EventJson.write(huge).getBytes(StandardCharsets.UTF_8).length > longest + 1);
        EventCollector strict = closeLater(EventCollector.start(new InetSocketAddress("127.0.0.1", 0), store, null,
                new EventCollector.Limits(1L << 20, longest + 1, 1000)));
        Uploader uploader = closeLater(new Uploader(log, fast(
                URI.create("http://127.0.0.1:" + strict.address().getPort() + "/events")).withBatchSize(3)));
        uploader.start();
        await(() -> log.pendingCount() == 0, "everything sent or set aside");
        long rounds = uploader.status().rounds();
        await(() -> uploader.status().rounds() >= rounds + 3, "several more rounds at a 50 ms interval");
        uploader.stop();
        assertEquals(1, log.refusedCount(), "the refused event stays in the local log");
        assertEquals(6, log.count());
        assertEquals(1, uploader.status().refusedTotal(), "and was refused once, not again every round");
        assertEquals(5, uploader.status().sentTotal());
        assertEquals(5, store.count(), "the events behind it all reached the collector");
        assertEquals(0, uploader.status().consecutiveFailures());
        assertTrue(events.stream().noneMatch(e -> e.id().equals(huge.id())));
    }

    @Test
    void anAgentWithTheSitesTokenUploadsAndOneWithAWrongTokenKeepsItsEventsAndSaysWhy() throws Exception {
        java.nio.file.Path tokens = java.nio.file.Files.writeString(dir.resolve("tokens.txt"),
                "县委办 3f9c0e5b7a2d41c8b6e9f0a1d2c3b4a5c6d7e8f9\n");
        EventCollector guarded = closeLater(EventCollector.start(new InetSocketAddress("127.0.0.1", 0), store, null,
                EventCollector.Limits.defaults(), org.secrecyguard.events.collect.AgentTokens.read(tokens)));
        appendMixed(4);
        Uploader wrong = closeLater(new Uploader(log, fast(guarded.eventsUri())
                .withAgentToken("0000000000000000000000000000000000000000")));
        wrong.start();
        await(() -> wrong.status().consecutiveFailures() >= 1, "refused");
        wrong.stop();
        assertEquals(4, log.pendingCount(), "nothing lost");
        assertTrue(wrong.status().lastProblem().contains("agent token"), wrong.status().lastProblem());
        assertEquals(0, store.count());

        Uploader right = closeLater(new Uploader(log, fast(guarded.eventsUri())
                .withAgentToken("3f9c0e5b7a2d41c8b6e9f0a1d2c3b4a5c6d7e8f9")));
        right.start();
        await(() -> log.pendingCount() == 0, "uploaded with the site's token");
        right.stop();
        assertEquals(4, store.count());
    }

    @Test
    void uploadsOverTlsWhenTheConfiguredTrustStoreVouchesForTheCollector() throws Exception {
        TestCertificates certs = TestCertificates.generate(dir);
        EventCollector https = closeLater(EventCollector.start(new InetSocketAddress("127.0.0.1", 0), store,
                TlsContexts.serving(certs.keyStore, TestCertificates.PASSWORD), EventCollector.Limits.defaults()));
        assertTrue(https.eventsUri().toString().startsWith("https://127.0.0.1:"));
        appendMixed(3);

        Uploader untrusting = new Uploader(log, fast(https.eventsUri()));
        untrusting.start();
        await(() -> String.valueOf(untrusting.status().lastProblem()).contains("SSLHandshakeException"),
                "the system trust store does not know this certificate");
        untrusting.stop();
        assertEquals(3, log.pendingCount());

        Uploader trusting = closeLater(new Uploader(log,
                fast(https.eventsUri()).withTrustStore(certs.trustStore, TestCertificates.PASSWORD)));
        trusting.start();
        await(() -> log.pendingCount() == 0, "uploaded over TLS");
        assertEquals(3, store.count());
    }

    @Test
    void backoffDoublesWithJitterUpToTheMaximum() {
        Uploader u = new Uploader(log, UploaderConfig.defaults(collector.eventsUri())
                .withBackoff(Duration.ofSeconds(2), Duration.ofMinutes(10)));
        for (int i = 0; i < 50; i++) {
            long first = u.backoffMillis(1);
            long fifth = u.backoffMillis(5);
            long late = u.backoffMillis(40);
            assertTrue(first >= 1_000 && first <= 2_000, "first " + first);
            assertTrue(fifth >= 16_000 && fifth <= 32_000, "fifth " + fifth);
            assertTrue(late >= 300_000 && late <= 600_000, "late " + late);
        }
    }

    @Test
    void refusesPlainHttpToAnotherMachine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UploaderConfig.defaults(URI.create("http://collector.example.gov.cn/events")));
        assertTrue(e.getMessage().contains("https"), e.getMessage());
    }

    static void await(BooleanSupplier condition, String what) {
        org.secrecyguard.testing.Await.until(Duration.ofSeconds(30), condition, what);
    }
}
