package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.secrecyguard.platform.SessionLauncher;

/** Tray links close as the service stops: that is no absence to restart or report, and no error. */
class TrayAppWatchClosingTest {
    @Test
    void aLinkThatClosesAfterTheWatchIsNeitherRestartedNorReported() throws Exception {
        List<String> launched = new CopyOnWriteArrayList<>();
        List<String> reported = new CopyOnWriteArrayList<>();
        SessionLauncher launcher = user -> {
            launched.add(user);
            return new SessionLauncher.Launch(true, "");
        };
        TrayAppWatch watch = new TrayAppWatch(launcher, (u, d) -> reported.add(u), Clock.systemDefaultZone(),
                Duration.ofMillis(10), Duration.ofMillis(20));
        watch.close();
        assertDoesNotThrow(() -> watch.left("alice", false)); // threw RejectedExecutionException on the link's thread
        Thread.sleep(100);
        assertEquals(List.of(), launched);
        assertEquals(List.of(), reported);
    }
}
