package org.secrecyguard.events.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Level;
import org.secrecyguard.events.Event;
import org.secrecyguard.events.EventJson;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Verdict;

class EventCollectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    private JdbcCollectorStore store;
    private EventCollector collector;

    @BeforeEach
    void start() throws IOException {
        store = JdbcCollectorStore.open(dir.resolve("collected.db").toString());
        collector = EventCollector.start(new InetSocketAddress("127.0.0.1", 0), store, null,
                new EventCollector.Limits(64 * 1024, 4 * 1024, 50));
    }

    @AfterEach
    void stop() {
        collector.close();
        store.close();
    }

    static Event event(int i) {
        Verdict v = new Verdict(List.of(new Finding(DetectorType.MARKING, "marking.header", Level.SECRET, "机密", "")));
        return Event.detection("clipboard", "BLOCK", v).time(Instant.parse("2026-10-01T00:00:00Z").plusSeconds(i))
                .build();
    }

    static String ndjson(List<Event> events) {
        StringBuilder sb = new StringBuilder();
        events.forEach(e -> sb.append(EventJson.write(e)).append('\n'));
        return sb.toString();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(collector.eventsUri())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> stored(HttpResponse<String> r) throws IOException {
        List<String> out = new ArrayList<>();
        JSON.readTree(r.body()).get("stored").forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void answersWithEveryStoredUuidIncludingOnesItAlreadyHad() throws Exception {
        List<Event> first = List.of(event(1), event(2), event(3));
        HttpResponse<String> r1 = post(ndjson(first));
        assertEquals(200, r1.statusCode());
        assertEquals(3, JSON.readTree(r1.body()).get("added").asInt());

        List<Event> again = List.of(event(4), first.get(0), first.get(1), first.get(1));
        HttpResponse<String> r2 = post(ndjson(again));
        assertEquals(List.of(again.get(0).id().toString(), first.get(0).id().toString(), first.get(1).id().toString()),
                stored(r2));
        assertEquals(1, JSON.readTree(r2.body()).get("added").asInt(), "only the new one was added");
        assertEquals(4, store.count());
    }

    @Test
    void rejectsMalformedLinesWithoutEchoingThemAndStoresTheRest() throws Exception {
        Event good = event(1);
        String body = "{\"time\":1,\"note\":\"红星七号\"}\n" + "不是JSON 红星七号\n" + EventJson.write(good) + "\n"
                + "{\"id\":\"" + UUID.randomUUID() + "\"}\n";
        HttpResponse<String> r = post(body);
        assertEquals(200, r.statusCode());
        assertEquals(List.of(good.id().toString()), stored(r));
        JsonNode rejected = JSON.readTree(r.body()).get("rejected");
        assertEquals(3, rejected.size());
        assertEquals(2, rejected.get(1).get("line").asInt());
        assertFalse(r.body().contains("红星"), "reasons never repeat content");
    }

    @Test
    void keepsFieldsItDoesNotKnowSoNewerAgentsLoseNothing() throws Exception {
        Event e = event(1);
        String line = EventJson.write(e).replace("}", ",\"kindOfTomorrow\":{\"x\":1}}");
        line = line.replace("\"DETECTION\"", "\"SOMETHING_NEW\"");
        assertEquals(200, post(line + "\n").statusCode());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("collected.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT kind, body FROM collected_events")) {
            assertTrue(rs.next());
            assertEquals("SOMETHING_NEW", rs.getString(1));
            assertTrue(rs.getString(2).contains("kindOfTomorrow"));
        }
    }

    @Test
    void refusesBodiesOverTheSizeLimit() throws Exception {
        String big = ndjson(List.of(event(1))).repeat(1 + 64 * 1024 / 300);
        assertEquals(413, post(big).statusCode(), "declared length over the limit");
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(collector.eventsUri())
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), "streamed body over the limit");
        assertEquals(0, store.count());
    }

    @Test
    void refusesTooManyEventsInOneRequest() throws Exception {
        List<Event> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(new Event(UUID.randomUUID(), i, java.time.ZoneOffset.UTC,
                    org.secrecyguard.events.EventKind.AGENT_STARTED, null, null, "system", "NONE", null, List.of(),
                    null, List.of(), null, null, null, null, null, null, null));
        }
        assertEquals(413, post(ndjson(many)).statusCode());
        assertEquals(0, store.count());
    }

    @Test
    void acceptsOnlyPost() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(collector.eventsUri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                collector.eventsUri().resolve("/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("ok", health.body());
    }
}
