package org.secrecyguard.platform;

import java.io.Closeable;

/**
 * The system service's listening end for the users' tray apps. Any local user may connect; every
 * accepted connection carries the peer's identity as the OS reports it, so nothing a client says
 * decides whose it is.
 */
public interface PeerServer extends Closeable {
    /**
     * Waits for the next client. Throws when the server is closed, or when one client could not be
     * identified (that client is disconnected; while {@link #isOpen()} the next call waits for the next).
     */
    PeerConnection accept() throws java.io.IOException;

    boolean isOpen();

    /** Stops listening (a blocked {@link #accept()} throws) and removes what the server left behind. */
    @Override
    void close();

    /** Where it listens, for logs. */
    String address();
}
