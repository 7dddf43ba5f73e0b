package org.secrecyguard.onaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secrecyguard.channel.GuardAlert;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.platform.LocalChannel;
import org.secrecyguard.platform.MemoryLink;
import org.secrecyguard.platform.PeerIdentity;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.testing.Await;
import org.secrecyguard.testing.PresenceLog;

/**
 * The tray link's protocol with the transport taken away: peers come with the identity a transport
 * (SO_PEERCRED, a pipe client's token) would give, so this is what both the Linux socket and the
 * Windows pipe serve.
 */
class TrayLinkProtocolTest {
    static final GuardAlert ALERT = new GuardAlert(Action.BLOCK_OVERRIDABLE, Channel.UPLOAD_DIALOG, ContentKind.FILES,
            Verdict.CLEAN, "WeChat", Instant.parse("2026-12-07T09:00:00Z"));

    final MemoryLink transport = new MemoryLink();
    final PresenceLog presence = new PresenceLog();
    TrayLink link;

    @BeforeEach
    void open() {
        link = TrayLink.on(transport);
        link.watch(presence);
    }

    @AfterEach
    void close() {
        link.close();
    }

    @Test
    void sendsAUsersAlertsToThatUsersTrayAppsOnly() throws Exception {
        Tray alice = connect("CORP\\alice");
        Tray bob = connect("CORP\\bob");
        Await.until(() -> link.connected("CORP\\alice") && link.connected("CORP\\bob"), "both connected");

        link.forUser("CORP\\alice").blocked(ALERT);
        link.forUser("CORP\\bob").warn(ALERT);

        JsonNode toAlice = alice.next();
        assertEquals("block", toAlice.path("ask").asText());
        assertEquals("WeChat", AlertWire.alertOf(toAlice).destinationApp());
        assertEquals("warn", bob.next().path("ask").asText(), "bob's first line is his own alert, not alice's");
        assertNull(bob.poll(), "and nothing else");
    }

    @Test
    void anotherUsersAnswerDoesNotOverride() throws Exception {
        Tray alice = connect("alice");
        Tray bob = connect("bob");
        Await.until(() -> link.connected("alice") && link.connected("bob"), "both connected");

        CompletableFuture<Optional<String>> answer = link.forUser("alice").askOverride(ALERT);
        long id = alice.next().path("id").asLong();
        bob.say(AlertWire.answer(id, "bob says yes"));
        bob.say(AlertWire.hello());
        Await.until(() -> link.lastHello("bob").isPresent(), "bob's lines were read");
        assertFalse(answer.isDone(), "bob cannot answer alice's question");

        alice.say(AlertWire.answer(id, "发给同事核对"));
        assertEquals(Optional.of("发给同事核对"), answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void anOverrideQuestionWithoutATrayAppIsAnsweredNoAtOnce() throws Exception {
        assertEquals(Optional.empty(), link.forUser("nobody-here").askOverride(ALERT).get(1, TimeUnit.SECONDS));
    }

    @Test
    void tellsArrivalOncePerUserAndTheEndOnlyWhenTheLastTrayAppGoes() throws Exception {
        Tray first = connect("alice");
        Tray second = connect("alice");
        Await.until(() -> presence.contains("arrived alice"), "alice arrived");
        first.say(AlertWire.hello());
        Await.until(() -> link.lastHello("alice").isPresent(), "the hello was read");

        first.channel.close(); // killed: no bye
        Await.until(() -> transport.closedByServer() == 1, "the service let the first one go");
        assertEquals(List.of("arrived alice"), presence, "one of two tray apps gone is no absence");
        assertTrue(link.connected("alice"));

        second.say(AlertWire.bye());
        second.channel.close();
        Await.until(() -> presence.size() == 2, "the last one left");
        assertEquals("left alice bye", presence.get(1));
        assertFalse(link.connected("alice"));
    }

    @Test
    void aConnectionDroppedWithoutByeIsAKill() throws Exception {
        Tray alice = connect("alice");
        Await.until(() -> link.connected("alice"), "connected");
        alice.channel.close();
        Await.until(() -> presence.contains("left alice killed"), "reported as killed");
    }

    @Test
    void aMalformedLineEndsThatConnection() throws Exception {
        Tray alice = connect("alice");
        Await.until(() -> link.connected("alice"), "connected");
        alice.say("not json at all");
        Await.until(() -> !link.connected("alice"), "dropped");
        assertEquals(-1, alice.channel.input().read(), "the service closed its end");
    }

    @Test
    void aRefusedClientLeavesTheLinkServingTheNext() throws Exception {
        transport.refuseNext(new IOException("the client is not known"));
        Tray alice = connect("alice");
        Await.until(() -> link.connected("alice"), "the next client is served");
        link.forUser("alice").warn(ALERT);
        assertEquals("warn", alice.next().path("ask").asText());
    }

    private Tray connect(String user) {
        return new Tray(transport.connect(new PeerIdentity(user, 1, 4242)));
    }

    /** A tray app's end: what it writes, and the lines it received. */
    static final class Tray {
        final LocalChannel channel;
        final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Tray(LocalChannel channel) {
            this.channel = channel;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(channel.input(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "test-tray");
            reader.setDaemon(true);
            reader.start();
        }

        void say(String line) throws IOException {
            channel.output().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }

        JsonNode next() throws InterruptedException {
            String line = lines.poll(5, TimeUnit.SECONDS);
            assertTrue(line != null, "a line arrives");
            return AlertWire.parse(line);
        }

        String poll() throws InterruptedException {
            return lines.poll(200, TimeUnit.MILLISECONDS);
        }
    }
}
