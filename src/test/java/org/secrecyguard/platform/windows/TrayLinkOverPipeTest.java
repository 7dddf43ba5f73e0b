package org.secrecyguard.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.secrecyguard.channel.GuardAlert;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.onaccess.AlertWire;
import org.secrecyguard.onaccess.TrayLink;
import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.platform.LocalChannel;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.testing.Await;
import org.secrecyguard.testing.PresenceLog;

/**
 * The service's tray link on the Windows transport, everything real but the Win32 calls: users are
 * told apart by their process tokens, a user's popup goes to that user's session only, and a tray app
 * whose pipe breaks without "bye" is reported as killed.
 */
class TrayLinkOverPipeTest {
    static final GuardAlert ALERT = new GuardAlert(Action.BLOCK_OVERRIDABLE, Channel.UPLOAD_DIALOG, ContentKind.FILES,
            Verdict.CLEAN, "Weixin", Instant.parse("2026-12-07T09:00:00Z"));

    final FakePipeApi os = new FakePipeApi()
            .process(5100, 1, "S-1-5-21-77-1001", "CORP\\alice")
            .process(6200, 2, "S-1-5-21-77-1002", "CORP\\bob");
    final NamedPipeChannels pipes = new NamedPipeChannels(() -> os);
    final PresenceLog presence = new PresenceLog();
    TrayLink link;

    @AfterEach
    void close() {
        if (link != null) {
            link.close();
        }
        assertEquals(List.of(), os.violations());
    }

    @Test
    void popupsGoToTheUserWhoseTokenOpenedThePipe() throws Exception {
        link = TrayLink.on(pipes.listen(""));
        link.watch(presence);
        LocalChannel alice = connectAs(5100, 1);
        Await.until(() -> link.connected("CORP\\alice"), "alice's tray app is known by her token");
        LocalChannel bob = connectAs(6200, 2);
        Await.until(() -> link.connected("CORP\\bob"), "bob's too");

        CompletableFuture<Optional<String>> answer = link.forUser("CORP\\alice").askOverride(ALERT);
        BufferedReader aliceIn = reader(alice);
        JsonNode question = AlertWire.parse(aliceIn.readLine());
        assertEquals("override", question.path("ask").asText());
        say(bob, AlertWire.answer(question.path("id").asLong(), "bob answers for alice"));
        say(bob, AlertWire.hello());
        Await.until(() -> link.lastHello("CORP\\bob").isPresent(), "bob's lines were read");
        assertFalse(answer.isDone(), "an answer counts only from the user asked");
        say(alice, AlertWire.answer(question.path("id").asLong(), "核对"));
        assertEquals(Optional.of("核对"), answer.get(5, TimeUnit.SECONDS));

        link.forUser("CORP\\bob").blocked(ALERT);
        assertEquals("block", AlertWire.parse(reader(bob).readLine()).path("ask").asText());

        alice.close(); // killed: the pipe breaks without a bye
        Await.until(() -> presence.contains("left CORP\\alice killed"), "the kill is seen");
        say(bob, AlertWire.bye());
        bob.close();
        Await.until(() -> presence.contains("left CORP\\bob bye"), "an exit on purpose is no kill");
        assertTrue(presence.containsAll(List.of("arrived CORP\\alice", "arrived CORP\\bob")));
    }

    private LocalChannel connectAs(int pid, int session) throws IOException {
        synchronized (os) {
            os.nextClient(pid, session);
            return pipes.connect("");
        }
    }

    private static void say(LocalChannel ch, String line) throws IOException {
        ch.output().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static BufferedReader reader(LocalChannel ch) {
        return new BufferedReader(new InputStreamReader(ch.input(), StandardCharsets.UTF_8));
    }
}
