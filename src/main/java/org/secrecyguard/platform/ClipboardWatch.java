package org.secrecyguard.platform;

/**
 * Tells when the system clipboard changes. Each implementation uses the cheapest reliable signal its
 * desktop offers (XFixes on X11, a clipboard format listener on Windows, polling elsewhere) and
 * delivers notifications on its own thread, so a listener must hand real work to another thread.
 * A notification only says "something new may be there": the reader decides what it is.
 */
public interface ClipboardWatch extends AutoCloseable {
    /**
     * Starts watching; returns once notifications are armed.
     *
     * @throws PlatformUnavailableException when this desktop cannot be watched (the reason says why)
     */
    void start(ClipboardListener listener);

    /** Stops watching and releases native resources; safe to call twice. */
    @Override
    void close();

    /** False once the watch has stopped delivering notifications (closed or failed at runtime). */
    default boolean alive() {
        return true;
    }

    /** A short technical name for logs and the status window, e.g. "X11 XFixes". */
    String name();
}
