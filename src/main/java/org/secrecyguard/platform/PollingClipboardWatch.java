package org.secrecyguard.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fallback watch for desktops without change notifications: reads the clipboard every
 * {@code period} and reports a change when the content hash differs from the last one. Costs a
 * clipboard read per period, so it is only used when nothing better exists.
 */
public final class PollingClipboardWatch implements ClipboardWatch {
    private static final Logger LOG = Logger.getLogger(PollingClipboardWatch.class.getName());

    private final SystemClipboard clipboard;
    private final Duration period;
    private volatile Thread thread;
    private volatile boolean running;

    public PollingClipboardWatch(SystemClipboard clipboard, Duration period) {
        this.clipboard = Objects.requireNonNull(clipboard);
        this.period = period;
    }

    @Override
    public synchronized void start(ClipboardListener listener) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        String initial = hashOrNull();
        Thread t = new Thread(() -> loop(listener, initial), "clipboard-poll");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void loop(ClipboardListener listener, String initial) {
        String last = initial;
        while (running) {
            try {
                Thread.sleep(period.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            String now = hashOrNull();
            if (now != null && !now.equals(last)) {
                last = now;
                try {
                    listener.clipboardChanged(System.nanoTime());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "clipboard listener failed", e);
                }
            }
        }
    }

    private String hashOrNull() {
        try {
            return clipboard.read().contentHash();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "clipboard poll failed", e);
            return null;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean alive() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    @Override
    public String name() {
        return "polling " + period.toMillis() + " ms";
    }
}
