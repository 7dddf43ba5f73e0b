package org.secrecyguard.app;

import org.secrecyguard.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.platform.Limitation;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.ui.GuardState;
import org.secrecyguard.ui.StatusSnapshot;

/** The tray colour: red after a block, amber when anything is limited, green otherwise. */
class GuardStatusTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-10-01T22:00:00Z"), ZoneId.of("Asia/Shanghai"));
    ChannelHealth health = ChannelHealth.up();
    final GuardChannel channel = new GuardChannel() {
        @Override
        public Channel kind() {
            return Channel.CLIPBOARD;
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        @Override
        public ChannelHealth health() {
            return health;
        }
    };

    @Test
    void greenWhenEveryChannelWorks() {
        GuardStatus s = new GuardStatus(List.of(), () -> "baseline", clock);
        s.addChannel(channel);
        assertEquals(GuardState.PROTECTED, s.current().state());
        assertEquals("baseline", s.current().rulesVersion());
    }

    @Test
    void amberWithTheReasonsWhenSomethingIsLimited() {
        GuardStatus s = new GuardStatus(List.of(Limitation.WAYLAND_PARTIAL), () -> "baseline", clock);
        health = new ChannelHealth(ChannelHealth.State.DEGRADED, List.of("ocr-unavailable"));
        s.addChannel(channel);
        assertEquals(GuardState.DEGRADED, s.current().state());
        assertEquals(List.of("wayland-partial", "ocr-unavailable"), s.current().problems());
    }

    @Test
    void redForFiveMinutesAfterABlockThenBack() {
        GuardStatus s = new GuardStatus(List.of(), () -> "baseline", clock);
        s.addChannel(channel);
        List<StatusSnapshot> heard = new ArrayList<>();
        s.subscribe(heard::add);
        s.alerted(clock.instant());
        assertEquals(GuardState.ALERT, s.current().state());
        clock.advance(Duration.ofMinutes(4));
        s.refresh();
        assertEquals(GuardState.ALERT, s.current().state());
        clock.advance(Duration.ofMinutes(2));
        s.refresh();
        assertEquals(GuardState.PROTECTED, s.current().state());
        assertEquals(2, heard.size(), "listeners hear changes only");
    }

    @Test
    void aPauseIsShownAndAStoppedChannelIsNotHiddenOtherwise() {
        GuardStatus s = new GuardStatus(List.of(), () -> "baseline", clock);
        health = ChannelHealth.stopped();
        s.addChannel(channel);
        assertEquals(List.of("clipboard-stopped"), s.current().problems());
        s.paused(clock.instant().plus(Duration.ofMinutes(15)));
        assertEquals(GuardState.DEGRADED, s.current().state());
        assertEquals(List.of(), s.current().problems());
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)), s.current().pausedUntil());
    }

}
