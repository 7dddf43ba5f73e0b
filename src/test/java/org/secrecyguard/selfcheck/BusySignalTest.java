package org.secrecyguard.selfcheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.secrecyguard.platform.UserActivity;

class BusySignalTest {
    @Test
    void busyWhileInputIsRecentNotWhenOldOrUnknown() {
        Duration quiet = Duration.ofSeconds(5);
        assertTrue(BusySignal.fromInput(() -> OptionalLong.of(1_200), quiet).busy());
        assertFalse(BusySignal.fromInput(() -> OptionalLong.of(60_000), quiet).busy());
        assertFalse(BusySignal.fromInput(UserActivity.UNKNOWN, quiet).busy(), "unknown input never stops the check");
    }

    @Test
    void aSampledSignalIsAskedOncePerPeriod() throws Exception {
        int[] asked = {0};
        BusySignal s = BusySignal.sampled(() -> ++asked[0] % 2 == 1, Duration.ofMillis(200));
        assertTrue(s.busy());
        assertTrue(s.busy());
        assertTrue(s.busy());
        assertTrue(asked[0] == 1, "answered from the last reply");
        Thread.sleep(250);
        assertFalse(s.busy(), "asked again after the period");
    }

    @Test
    void batteryOrInputEitherPauses() {
        BusySignal away = BusySignal.fromInput(() -> OptionalLong.of(60_000), Duration.ofSeconds(5));
        assertFalse(away.or(() -> false).busy());
        assertTrue(away.or(() -> true).busy(), "on battery");
    }
}
