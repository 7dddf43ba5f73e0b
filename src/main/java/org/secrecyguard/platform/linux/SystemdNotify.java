package org.secrecyguard.platform.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.secrecyguard.platform.ServiceManager;

/**
 * systemd's notification protocol (sd_notify(3)) without libsystemd: one datagram of {@code KEY=value}
 * lines to the socket in {@code $NOTIFY_SOCKET} (a path, or {@code @name} in the abstract namespace).
 * Keep-alives ({@code WATCHDOG=1}) are sent at most every third of {@code $WATCHDOG_USEC}, so the guard's
 * watchdog thread can call {@link #alive()} on every check it makes.
 */
public final class SystemdNotify implements ServiceManager {
    private static final Logger LOG = Logger.getLogger(SystemdNotify.class.getName());

    private final byte[] address;
    private final long keepAliveNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong lastKeepAlive = new AtomicLong();
    private volatile boolean failedOnce;

    SystemdNotify(String socket, long watchdogMicros, LongSupplier nanoTime) {
        this.address = sockaddr(socket);
        this.keepAliveNanos = watchdogMicros <= 0 ? -1 : watchdogMicros * 1000 / 3;
        this.nanoTime = nanoTime;
        lastKeepAlive.set(nanoTime.getAsLong() - Math.max(keepAliveNanos, 0));
    }

    /**
     * The manager systemd set up for this process, or {@link ServiceManager#none()} when it was not started
     * by systemd (no {@code NOTIFY_SOCKET}). {@code WATCHDOG_PID}, when set, must be this process.
     */
    public static ServiceManager fromEnvironment(Map<String, String> env) {
        String socket = env.getOrDefault("NOTIFY_SOCKET", "");
        if (socket.isEmpty() || !(socket.startsWith("/") || socket.startsWith("@"))) {
            return ServiceManager.none();
        }
        long watchdog = 0;
        String pid = env.getOrDefault("WATCHDOG_PID", "");
        if (pid.isEmpty() || pid.equals(Long.toString(ProcessHandle.current().pid()))) {
            try {
                watchdog = Long.parseLong(env.getOrDefault("WATCHDOG_USEC", "0"));
            } catch (NumberFormatException e) {
                watchdog = 0;
            }
        }
        return new SystemdNotify(socket, watchdog, System::nanoTime);
    }

    @Override
    public void ready(String status) {
        send("READY=1\nSTATUS=" + status.replace('\n', ' '));
    }

    @Override
    public void alive() {
        if (keepAliveNanos < 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        long last = lastKeepAlive.get();
        if (now - last >= keepAliveNanos && lastKeepAlive.compareAndSet(last, now)) {
            send("WATCHDOG=1");
        }
    }

    @Override
    public void stopping() {
        send("STOPPING=1");
    }

    private void send(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        int fd = LibcSocket.socket(LibcSocket.AF_UNIX, LibcSocket.SOCK_DGRAM | LibcSocket.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            failed("socket");
            return;
        }
        try {
            if (LibcSocket.sendto(fd, bytes, bytes.length, LibcSocket.MSG_NOSIGNAL, address, address.length) < 0) {
                failed("sendto");
            }
        } finally {
            LibcSocket.close(fd);
        }
    }

    private void failed(String call) {
        if (!failedOnce) { // once: the watchdog thread calls this several times a second
            failedOnce = true;
            LOG.warning(() -> "systemd notification failed (" + call + "); systemd may restart the service");
        }
    }

    /** struct sockaddr_un: the family, then the path (NUL-terminated) or, for "@name", NUL + name. */
    static byte[] sockaddr(String socket) {
        byte[] path = socket.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = socket.startsWith("@");
        if (path.length > 107) {
            throw new IllegalArgumentException("NOTIFY_SOCKET too long");
        }
        ByteBuffer b = ByteBuffer.allocate(2 + path.length + (abstractName ? 0 : 1)).order(ByteOrder.nativeOrder());
        b.putShort((short) LibcSocket.AF_UNIX);
        if (abstractName) {
            b.put((byte) 0).put(path, 1, path.length - 1);
        } else {
            b.put(path).put((byte) 0);
        }
        return b.array();
    }
}
