package org.secrecyguard.platform;

/** Receives clipboard change notifications from a {@link ClipboardWatch}, on the watch's thread. */
@FunctionalInterface
public interface ClipboardListener {
    /**
     * Called once per observed change.
     *
     * @param detectedNanos {@link System#nanoTime()} when the watch saw the change (for latency figures)
     */
    void clipboardChanged(long detectedNanos);
}
