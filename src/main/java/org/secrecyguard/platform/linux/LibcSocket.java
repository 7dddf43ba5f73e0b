package org.secrecyguard.platform.linux;

import com.sun.jna.Native;

/** The libc calls for one datagram to a Unix socket (Java 17 has no Unix datagram channels). */
final class LibcSocket {
    static {
        Native.register("c");
    }

    private LibcSocket() {
    }

    static final int AF_UNIX = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int MSG_NOSIGNAL = 0x4000;

    static native int socket(int domain, int type, int protocol);

    static native long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength);

    static native int close(int fd);
}
