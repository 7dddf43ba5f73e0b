package org.secrecyguard.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import org.junit.jupiter.api.Test;

/** After the pulse timer paused (idle), an animation started later still gets its frames. */
class IdlePulseTimerTest {

    @Test
    void animationsRunAfterTheTimerPaused() throws Exception {
        Fx.startToolkit();
        Thread.sleep(1500); // the swap is posted by startToolkit; the toolkit pauses 250 ms after the last pulse
        Object toolkit = com.sun.javafx.tk.Toolkit.getToolkit();
        java.lang.reflect.Field timer = toolkit.getClass().getDeclaredField("pulseTimer");
        timer.setAccessible(true);
        assertTrue(timer.get(toolkit) instanceof IdlePulseTimer, "pulse timer: " + timer.get(toolkit));
        for (int round = 0; round < 2; round++) {
            AtomicInteger frames = new AtomicInteger();
            CountDownLatch tenFrames = new CountDownLatch(10);
            Fx.run(() -> new AnimationTimer() {
                @Override
                public void handle(long now) {
                    frames.incrementAndGet();
                    tenFrames.countDown();
                    if (tenFrames.getCount() == 0) {
                        stop();
                    }
                }
            }.start());
            assertTrue(tenFrames.await(5, TimeUnit.SECONDS), "frames in round " + round + ": " + frames.get());
            Thread.sleep(1000); // idle again: the timer pauses, the next round resumes it
        }
    }
}
