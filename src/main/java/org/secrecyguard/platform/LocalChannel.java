package org.secrecyguard.platform;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One open local connection between the system service and a tray app, as a pair of byte streams.
 * A write never waits for a read in progress on the same connection (each side reads on one thread
 * and writes from others). {@link #close()} ends a read blocked on {@link #input()}.
 */
public interface LocalChannel extends Closeable {
    InputStream input();

    OutputStream output();

    /** Closes both directions; closing again does nothing. */
    @Override
    void close();
}
