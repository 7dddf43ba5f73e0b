package org.secrecyguard.platform;

import java.io.IOException;

/**
 * How the system service and the users' tray apps reach each other on this OS: a Unix domain socket
 * whose peer the kernel names (Linux), a named pipe whose client's process token names it (Windows).
 * Chosen once by {@link Platforms#serviceChannels()}; the protocol above it (onaccess.TrayLink,
 * app.ServiceLink) is the same on every OS.
 */
public interface ServiceChannels {
    /** The service's end at {@code address} (a socket file, a pipe name). */
    PeerServer listen(String address) throws IOException;

    /** A tray app's connection to the service at {@code address}; throws when no service listens there. */
    LocalChannel connect(String address) throws IOException;
}
