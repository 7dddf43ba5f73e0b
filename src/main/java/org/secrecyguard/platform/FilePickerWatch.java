package org.secrecyguard.platform;

import java.util.function.Consumer;

/**
 * Watches the file pickers other programs show (Windows: the common file dialog, seen through
 * out-of-context WinEvents, with no code injected into those programs) and reports the files chosen
 * in them. Selections are delivered on the watch's own thread, which must not be held: a listener
 * hands them on and returns.
 */
public interface FilePickerWatch extends AutoCloseable {
    /**
     * Starts watching.
     *
     * @throws PlatformUnavailableException when pickers cannot be watched on this desktop
     */
    void start(Consumer<PickerSelection> onSelection);

    /** Stops watching and frees the hook; idempotent. */
    @Override
    void close();
}
