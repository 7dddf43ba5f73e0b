package org.secrecyguard.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secrecyguard.platform.Limitation;
import org.secrecyguard.platform.PlatformUnavailableException;
import org.secrecyguard.testing.Xclip;

/** The XFixes watch against a real X server, with xclip playing the application that copies. */
class X11ClipboardWatchTest {
    @BeforeEach
    void needsX() {
        assumeTrue(Xclip.available(), "runs under xvfb-run with xclip installed (CI runs every test there)");
    }

    @Test
    void reportsEveryCopyEvenOfTheSameFormat() throws Exception {
        LinkedBlockingQueue<Long> changes = new LinkedBlockingQueue<>();
        try (X11ClipboardWatch watch = new X11ClipboardWatch()) {
            watch.start(changes::add);
            assertTrue(watch.alive());
            for (int i = 0; i < 3; i++) {
                Xclip.putText("第" + i + "次复制");
                assertTrue(changes.poll(2, TimeUnit.SECONDS) != null, "copy " + i + " noticed");
            }
        }
    }

    @Test
    void stopsQuicklyAndReportsNothingAfterClose() throws Exception {
        LinkedBlockingQueue<Long> changes = new LinkedBlockingQueue<>();
        X11ClipboardWatch watch = new X11ClipboardWatch();
        watch.start(changes::add);
        long start = System.nanoTime();
        watch.close();
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1000, "closes within a second");
        assertFalse(watch.alive());
        Xclip.putText("after close");
        assertEquals(null, changes.poll(500, TimeUnit.MILLISECONDS));
    }

    @Test
    void aMissingDisplayIsReportedNotIgnored() {
        X11ClipboardWatch watch = new X11ClipboardWatch(":97");
        PlatformUnavailableException e = assertThrows(PlatformUnavailableException.class, () -> watch.start(t -> { }));
        assertEquals(Limitation.NO_DISPLAY, e.limitation());
        assertFalse(watch.alive());
    }
}
