package org.secrecyguard.platform.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.platform.ServiceManager;
import org.secrecyguard.testing.NotifySocket;

/**
 * The notifications systemd reads, received by a real Unix datagram socket: READY with a status,
 * keep-alives at a third of WATCHDOG_USEC however often the guard calls, STOPPING.
 */
@EnabledOnOs(OS.LINUX)
class SystemdNotifyLinuxTest {
    @Test
    void readyKeepAlivesAtTheirPaceAndStoppingReachTheSocket(@TempDir Path dir) throws Exception {
        List<String> got = new ArrayList<>();
        int calls = 0;
        try (NotifySocket socket = new NotifySocket(dir.resolve("notify"))) {
            SystemdNotify notify = new SystemdNotify(socket.path().toString(), 300_000, System::nanoTime); // WatchdogSec=0.3
            notify.ready("guarding 3 file systems");
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000);
            while (System.nanoTime() < end) {
                notify.alive(); // as the watchdog thread would, far more often than systemd needs
                calls++;
                Thread.sleep(5);
            }
            notify.stopping();
            for (NotifySocket.Message m = socket.next(5000); m != null; m = socket.next(500)) {
                assertEquals(ProcessHandle.current().pid(), m.pid());
                got.add(m.text());
                if (m.text().equals("STOPPING=1")) {
                    break;
                }
            }
        }
        assertEquals("READY=1|STATUS=guarding 3 file systems", got.get(0));
        assertEquals("STOPPING=1", got.get(got.size() - 1));
        long keepAlives = got.stream().filter("WATCHDOG=1"::equals).count();
        // One per 100 ms over a second (the first at once): 9-12, never one per call.
        assertTrue(keepAlives >= 9 && keepAlives <= 12, keepAlives + " keep-alives for " + calls + " calls");
    }

    @Test
    void withoutSystemdThereIsNoManager() {
        assertEquals(ServiceManager.none().getClass(), SystemdNotify.fromEnvironment(Map.of()).getClass());
        assertEquals(ServiceManager.none().getClass(),
                SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "relative/path")).getClass());
        assertEquals(SystemdNotify.class, SystemdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "@x")).getClass());
    }

    @Test
    void abstractAndPathAddressesAreEncodedAsTheKernelWantsThem() {
        byte[] path = SystemdNotify.sockaddr("/run/systemd/notify");
        assertEquals(2 + "/run/systemd/notify".length() + 1, path.length);
        assertEquals(0, path[path.length - 1]);
        byte[] abstractName = SystemdNotify.sockaddr("@sd");
        assertArrayEquals(new byte[] {0, 's', 'd'}, java.util.Arrays.copyOfRange(abstractName, 2, 5));
        assertEquals(5, abstractName.length);
    }

}
