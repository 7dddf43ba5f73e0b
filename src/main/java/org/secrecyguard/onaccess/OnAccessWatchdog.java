package org.secrecyguard.onaccess;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.secrecyguard.platform.FileAccessGate;

/**
 * The deadman switch of the on-access guard (fapolicyd's is 3 s, ChromiumOS's DLP daemon's 10 s): the
 * kernel waits for an answer without a timeout, so when the gate's reading thread stops beating or an
 * open waits longer than {@link #LIMIT}, the gate is closed (the kernel allows everything pending) and
 * the service exits for systemd to restart it. Failing open is the choice: a hung guard must never hang
 * the desktop, and the secrecy office sees the restart in the log.
 */
final class OnAccessWatchdog implements AutoCloseable {
    static final Duration LIMIT = Duration.ofSeconds(3);
    private static final long CHECK_MILLIS = 200;

    private final LongSupplier lastBeat;
    private final Supplier<Optional<Long>> oldestPending;
    private final FileAccessGate gate;
    private final Duration limit;
    private final Runnable onTrip;
    private final Runnable healthy;
    private final Thread thread;
    private volatile boolean tripped;

    /**
     * @param onTrip  run once after the gate was closed (the service: record and exit)
     * @param healthy run after every check that found the guard moving (the service manager's keep-alive)
     */
    OnAccessWatchdog(FileAccessGate gate, Supplier<Optional<Long>> oldestPending, Duration limit, Runnable onTrip,
                     Runnable healthy) {
        this.gate = gate;
        this.lastBeat = gate::lastBeatNanos;
        this.oldestPending = oldestPending;
        this.limit = limit;
        this.onTrip = onTrip;
        this.healthy = healthy;
        this.thread = new Thread(this::watch, "on-access-watchdog");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    boolean tripped() {
        return tripped;
    }

    private void watch() {
        long limitNanos = limit.toNanos();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(CHECK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            boolean stalled = now - lastBeat.getAsLong() > limitNanos
                    || oldestPending.get().map(t -> now - t > limitNanos).orElse(false);
            if (stalled) {
                tripped = true;
                gate.close();
                onTrip.run();
                return;
            }
            healthy.run();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
