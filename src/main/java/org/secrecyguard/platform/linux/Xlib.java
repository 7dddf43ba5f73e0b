package org.secrecyguard.platform.linux;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;

/** Xlib and libc calls missing from jna-platform's {@link X11} mapping. */
interface Xlib extends Library {
    Xlib INSTANCE = Native.load("X11", Xlib.class);

    int XConnectionNumber(X11.Display display);

    /** libc poll(2), used to wait on the X connection with a timeout so the event thread can stop. */
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        short POLLIN = 0x001;

        int poll(Pointer fds, int nfds, int timeoutMillis);
    }
}
