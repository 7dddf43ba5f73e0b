package org.secrecyguard.platform;

import java.util.Objects;

/**
 * Who is at the other end of a local connection, as the OS (not the peer) says: the kernel's
 * SO_PEERCRED on Linux, the client's process token on Windows.
 *
 * @param user    the account the rest of the service keys on: the user name on Linux,
 *                {@code DOMAIN\name} on Windows (the SID string when the account cannot be named)
 * @param session the peer's Windows session id, or {@link #UNKNOWN} where the OS has no such thing
 * @param pid     the peer's process id, or {@link #UNKNOWN} when the transport does not tell it
 */
public record PeerIdentity(String user, int session, long pid) {
    public static final int UNKNOWN = -1;

    public PeerIdentity {
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("a peer without a user name");
        }
    }

    /** A peer known only by its user (Linux's SO_PEERCRED as the JDK gives it). */
    public static PeerIdentity user(String user) {
        return new PeerIdentity(user, UNKNOWN, UNKNOWN);
    }
}
