package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.ui.GuardState;

/** A channel that throws stays down on its own; the status shows it and the other channels' health. */
class IsolatedChannelTest {
    @Test
    void aChannelThatThrowsAtStartIsDownAndTheStatusDegraded() {
        GuardChannel throwing = new Fake(Channel.SCREENSHOT, true);
        Fake fine = new Fake(Channel.CLIPBOARD, false);
        GuardStatus status = new GuardStatus(List.of(), () -> "baseline", Clock.systemDefaultZone());
        for (GuardChannel c : List.of(new IsolatedChannel(throwing), new IsolatedChannel(fine))) {
            c.start();
            status.addChannel(c);
        }
        assertEquals(ChannelHealth.State.UP, fine.health().state(), "started after the broken one");
        assertEquals(GuardState.DEGRADED, status.current().state());
        assertEquals(List.of("screenshot-start-failed"), status.current().problems());
    }

    @Test
    void aHealthCheckThatThrowsCountsAsDown() {
        IsolatedChannel c = new IsolatedChannel(new Fake(Channel.CLIPBOARD, false) {
            @Override
            public ChannelHealth health() {
                throw new IllegalStateException("bug");
            }
        });
        c.start();
        assertEquals(new ChannelHealth(ChannelHealth.State.DOWN, List.of("clipboard-start-failed")), c.health());
    }

    private static class Fake implements GuardChannel {
        private final Channel kind;
        private final boolean throwsOnStart;
        private volatile boolean started;

        Fake(Channel kind, boolean throwsOnStart) {
            this.kind = kind;
            this.throwsOnStart = throwsOnStart;
        }

        @Override
        public Channel kind() {
            return kind;
        }

        @Override
        public void start() {
            if (throwsOnStart) {
                throw new NoClassDefFoundError("com/sun/jna/Native");
            }
            started = true;
        }

        @Override
        public void stop() {
            started = false;
        }

        @Override
        public ChannelHealth health() {
            return started ? ChannelHealth.up() : ChannelHealth.stopped();
        }
    }
}
