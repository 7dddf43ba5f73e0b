package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One guard per user: a second start asks the first to show itself, and only with the right token. */
class SingleInstanceTest {
    @Test
    void secondStartIsRefusedAndAsksTheFirstToShowItsWindow(@TempDir Path dir) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        Optional<SingleInstance> first = SingleInstance.acquire(dir, shown::countDown);
        assertTrue(first.isPresent());
        try (SingleInstance running = first.get()) {
            Optional<SingleInstance> second = SingleInstance.acquire(dir, () -> { });
            assertFalse(second.isPresent());
            assertTrue(shown.await(5, TimeUnit.SECONDS), "the first instance was asked to show its window");
        }
        Optional<SingleInstance> afterExit = SingleInstance.acquire(dir, () -> { });
        assertTrue(afterExit.isPresent(), "the lock is free again after the first instance ends");
        afterExit.get().close();
    }

    @Test
    void aSecondProcessIsRefused(@TempDir Path dir) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        try (SingleInstance running = SingleInstance.acquire(dir, shown::countDown).orElseThrow()) {
            // A real second JVM, as a user double-clicking the app again would start.
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    SecondStart.class.getName(), dir.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertTrue(out.contains("refused"), out);
            assertTrue(shown.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aRequestWithoutTheTokenIsIgnored(@TempDir Path dir) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        try (SingleInstance running = SingleInstance.acquire(dir, shown::countDown).orElseThrow()) {
            String[] portAndToken = Files.readString(dir.resolve(SingleInstance.PORT)).trim().split(" ");
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", Integer.parseInt(portAndToken[0]))) {
                s.getOutputStream().write("SHOW 0000\n".getBytes());
            }
            assertFalse(shown.await(500, TimeUnit.MILLISECONDS));
        }
    }

    /** Main of the second process. */
    public static final class SecondStart {
        public static void main(String[] args) throws Exception {
            System.out.println(SingleInstance.acquire(Path.of(args[0]), () -> { }).isPresent() ? "acquired" : "refused");
        }
    }
}
