package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.events.Event;
import org.secrecyguard.events.EventJson;
import org.secrecyguard.events.EventKind;
import org.secrecyguard.events.collect.JdbcCollectorStore;
import picocli.CommandLine;

class CollectCommandTest {
    @TempDir
    Path dir;

    @Test
    void servesUntilStoppedAndStoresWhatItReceives() throws Exception {
        Path db = dir.resolve("collected.db");
        CollectCommand command = new CollectCommand();
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> status = runner.submit(() -> cl.execute("--listen", "127.0.0.1:0", "--db", db.toString()));
            Matcher m = Pattern.compile("listening on (\\S+),").matcher("");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!m.reset(out.toString()).find()) {
                assertTrue(System.nanoTime() < deadline, "collector did not report its address: " + out);
                Thread.sleep(20);
            }
            URI uri = URI.create(m.group(1));
            Event e = Event.system(EventKind.AGENT_STARTED, null).build();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString(EventJson.write(e) + "\n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains(e.id().toString()));

            command.stop.countDown();
            assertEquals(0, status.get(10, TimeUnit.SECONDS));
        } finally {
            runner.shutdownNow();
        }
        try (JdbcCollectorStore store = JdbcCollectorStore.open(db.toString())) {
            assertEquals(1, store.count());
        }
    }

    @Test
    void listenAddressesAreParsedOrRefusedClearly() {
        assertEquals(new InetSocketAddress("127.0.0.1", 8443), CollectCommand.parseListen("127.0.0.1:8443"));
        assertEquals(8080, CollectCommand.parseListen(":8080").getPort());
        assertEquals(new InetSocketAddress("::1", 9000), CollectCommand.parseListen("[::1]:9000"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CollectCommand.parseListen("8443"))
                .getMessage().contains("HOST:PORT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CollectCommand.parseListen("h:99999"))
                .getMessage().contains("out of range"));
    }

    @Test
    void aKeyStoreWithoutPasswordIsRefused() {
        StringWriter err = new StringWriter();
        int status = SecrecyGuardCommand.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("collect", "--listen", "127.0.0.1:0", "--db", dir.resolve("c.db").toString(),
                        "--tls-keystore", dir.resolve("k.p12").toString());
        if (System.getenv(CollectCommand.PASSWORD_ENV) == null) {
            assertEquals(2, status);
            assertTrue(err.toString().contains("--tls-password"), err.toString());
        }
    }

    @Test
    void aTokensFileWithAShortTokenIsRefusedAndKeysTokenMakesGoodOnes() throws Exception {
        java.nio.file.Path tokens = java.nio.file.Files.writeString(dir.resolve("tokens.txt"), "县委办 abc\n");
        StringWriter err = new StringWriter();
        int status = SecrecyGuardCommand.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("collect", "--listen", "127.0.0.1:0", "--db", dir.resolve("c.db").toString(),
                        "--tokens", tokens.toString());
        assertEquals(2, status);
        assertTrue(err.toString().contains("--tokens") && err.toString().contains("line 1"), err.toString());

        StringWriter out = new StringWriter();
        assertEquals(0, SecrecyGuardCommand.newCommandLine(new PrintWriter(out), new PrintWriter(new StringWriter()))
                .execute("keys", "token"));
        String token = out.toString().strip();
        assertTrue(token.matches("[0-9a-f]{64}"), token);
        java.nio.file.Files.writeString(tokens, "县委办 " + token + "\n");
        assertEquals(1, org.secrecyguard.events.collect.AgentTokens.read(tokens).size());
    }
}
