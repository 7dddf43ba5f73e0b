package org.secrecyguard.platform;

/** A connection the service accepted, with the OS's word for who connected. */
public interface PeerConnection extends LocalChannel {
    PeerIdentity peer();
}
