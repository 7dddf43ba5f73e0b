package org.secrecyguard.events.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agent tokens: the file IT writes, and the collector refusing events from clients without a known
 * token over real HTTP on 127.0.0.1.
 */
class AgentTokensTest {
    private static final String COUNTY = "3f9c0e5b7a2d41c8b6e9f0a1d2c3b4a5c6d7e8f9";
    private static final String TOWNSHIP = "9a8b7c6d5e4f30211203f4e5d6c7b8a9f0e1d2c3";

    @TempDir
    Path dir;

    private Path tokensFile() throws Exception {
        return Files.writeString(dir.resolve("tokens.txt"), "# agent tokens of the county secrecy office\n\n"
                + "县委办 " + COUNTY + "\n" + TOWNSHIP + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void readsLabelledAndBareTokensAndNamesWhichOneAClientPresented() throws Exception {
        AgentTokens tokens = AgentTokens.read(tokensFile());
        assertEquals(2, tokens.size());
        assertEquals(Optional.of("县委办"), tokens.check("Bearer " + COUNTY));
        assertEquals(Optional.of("line 4"), tokens.check("bearer " + TOWNSHIP));
        assertEquals(Optional.empty(), tokens.check("Bearer " + COUNTY.substring(1)));
        assertEquals(Optional.empty(), tokens.check(COUNTY), "not a Bearer header");
        assertEquals(Optional.empty(), tokens.check(null));
    }

    @Test
    void refusesShortTokensAndEmptyFilesNamingTheLine() throws Exception {
        Path shortOne = Files.writeString(dir.resolve("short.txt"), "# x\n乡政府 abc123\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentTokens.read(shortOne));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("keys token"), e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing yet\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentTokens.read(empty)).getMessage()
                .contains("no token"));
    }

    @Test
    void newTokensAreLongAndDifferent() {
        String a = AgentTokens.newToken();
        assertTrue(a.matches("[0-9a-f]{64}"), a);
        assertNotEquals(a, AgentTokens.newToken());
    }

    @Test
    void theCollectorStoresEventsOnlyFromAgentsWithAKnownToken() throws Exception {
        try (JdbcCollectorStore store = JdbcCollectorStore.open(dir.resolve("c.db").toString());
             EventCollector collector = EventCollector.start(new InetSocketAddress("127.0.0.1", 0), store, null,
                     EventCollector.Limits.defaults(), AgentTokens.read(tokensFile()))) {
            HttpClient http = HttpClient.newHttpClient();
            String body = EventCollectorTest.ndjson(List.of(EventCollectorTest.event(1)));
            for (String auth : new String[] {null, "Bearer " + "0".repeat(40), "Basic dXNlcjpwYXNz"}) {
                HttpRequest.Builder b = HttpRequest.newBuilder(collector.eventsUri())
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                if (auth != null) {
                    b.header("Authorization", auth);
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, r.statusCode(), String.valueOf(auth));
                assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
                assertFalse(r.body().contains(COUNTY));
            }
            assertEquals(0, store.count(), "nothing from clients without a token");
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(collector.eventsUri())
                    .header("Authorization", "Bearer " + COUNTY)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            assertEquals(1, store.count());
        }
    }
}
