package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.GuardAlert;
import org.secrecyguard.channel.RecordingNotifier;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.onaccess.TrayLink;
import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.platform.LocalChannel;
import org.secrecyguard.platform.MemoryLink;
import org.secrecyguard.platform.PeerIdentity;
import org.secrecyguard.platform.PeerServer;
import org.secrecyguard.platform.ServiceChannels;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.testing.Await;
import org.secrecyguard.testing.PresenceLog;

/**
 * The tray app's side of the link over a transport in memory, so it holds on every OS: it says hello,
 * shows the service's popups, answers override questions, and says bye when it stops on purpose.
 */
class ServiceLinkProtocolTest {
    static final GuardAlert ALERT = new GuardAlert(Action.BLOCK_OVERRIDABLE, Channel.UPLOAD_DIALOG, ContentKind.FILES,
            Verdict.CLEAN, "WeChat", Instant.parse("2026-12-07T09:00:00Z"));

    final MemoryLink transport = new MemoryLink();
    final PresenceLog presence = new PresenceLog();
    final TrayLink service = TrayLink.on(transport);
    final RecordingNotifier popups = new RecordingNotifier();
    /** The tray app runs as alice: the identity is the transport's to give, never the tray app's. */
    final ServiceChannels asAlice = new ServiceChannels() {
        @Override
        public PeerServer listen(String address) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LocalChannel connect(String address) throws IOException {
            if (!transport.isOpen()) {
                throw new IOException("no service");
            }
            return transport.connect(PeerIdentity.user("alice"));
        }
    };
    final ServiceLink tray = new ServiceLink("memory", asAlice, popups);

    @AfterEach
    void close() {
        tray.stop();
        service.close();
    }

    @Test
    void saysHelloShowsPopupsAndAnswersOverrides() throws Exception {
        service.watch(presence);
        tray.start();
        assertTrue(tray.connected(), "connected within start()");
        assertEquals(ChannelHealth.up(), tray.health());
        Await.until(() -> service.lastHello("alice").isPresent(), "the first hello");

        service.forUser("alice").blocked(ALERT);
        Await.until(() -> popups.shown.contains("block"), "the block popup");
        assertEquals("WeChat", popups.alerts.get(0).destinationApp());

        popups.overrideAnswer = CompletableFuture.completedFuture(Optional.of("发给同事核对"));
        assertEquals(Optional.of("发给同事核对"),
                service.forUser("alice").askOverride(ALERT).get(5, TimeUnit.SECONDS));

        tray.stop();
        Await.until(() -> presence.contains("left alice bye"), "a stop on purpose says bye");
        assertFalse(presence.contains("left alice killed"));
    }

    @Test
    void withoutTheServiceTheChannelSaysItIsDegraded() {
        transport.close();
        tray.start();
        assertFalse(tray.connected());
        assertEquals(List.of(ServiceLink.MISSING), tray.health().problems());
    }
}
