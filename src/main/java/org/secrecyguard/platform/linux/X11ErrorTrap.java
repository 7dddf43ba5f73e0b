package org.secrecyguard.platform.linux;

import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps an X error on the guard's own display connections (typically BadWindow when the focused
 * window closes while we read its properties) from reaching Xlib's default handler, which exits the
 * process. Errors on other connections (AWT's, GTK's) go to whatever handler was installed before.
 * The handler is process-wide, so it is installed once and chains.
 */
final class X11ErrorTrap {
    private static final Logger LOG = Logger.getLogger(X11ErrorTrap.class.getName());
    private static final Set<Pointer> OWN_DISPLAYS = ConcurrentHashMap.newKeySet();
    private static X11.XErrorHandler previous;
    // Held in a static field: JNA callbacks must stay reachable while native code may call them.
    private static X11.XErrorHandler handler;

    private X11ErrorTrap() {
    }

    static synchronized void register(X11.Display display) {
        OWN_DISPLAYS.add(display.getPointer());
        if (handler == null) {
            handler = X11ErrorTrap::onError;
            previous = X11.INSTANCE.XSetErrorHandler(handler);
        }
    }

    static void unregister(X11.Display display) {
        OWN_DISPLAYS.remove(display.getPointer());
    }

    private static int onError(X11.Display display, X11.XErrorEvent event) {
        if (display != null && OWN_DISPLAYS.contains(display.getPointer())) {
            LOG.log(Level.FINE, "X error {0} on guard display ignored", event.error_code);
            return 0;
        }
        X11.XErrorHandler before = previous;
        return before == null ? 0 : before.apply(display, event);
    }
}
