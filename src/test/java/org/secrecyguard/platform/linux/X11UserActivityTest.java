package org.secrecyguard.platform.linux;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real X server's idle time (run under xvfb-run); input sent with xdotool resets it. */
class X11UserActivityTest {
    @Test
    void idleTimeGrowsWithoutInputAndDropsAfterAKeyPress() throws Exception {
        String display = System.getenv("DISPLAY");
        assumeTrue(display != null && !display.isEmpty(), "needs an X display (xvfb-run)");
        X11UserActivity activity = new X11UserActivity(display);
        Thread.sleep(1200);
        long quiet = activity.idleMillis().orElseThrow();
        assertTrue(quiet >= 1000, "no input for a second: idle " + quiet);
        Process p = new ProcessBuilder("xdotool", "mousemove", "10", "10", "mousemove", "30", "40").inheritIO().start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "xdotool ran");
        long after = activity.idleMillis().orElseThrow();
        assertTrue(after < quiet && after < 1000, "input just now: idle " + after);
    }

    @Test
    void aDisplayThatCannotBeOpenedIsUnknownNotAnError() {
        assertTrue(new X11UserActivity(":987").idleMillis().isEmpty());
    }
}
