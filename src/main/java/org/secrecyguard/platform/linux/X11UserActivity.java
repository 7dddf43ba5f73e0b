package org.secrecyguard.platform.linux;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Structure;
import com.sun.jna.platform.unix.X11;
import java.util.OptionalLong;
import java.util.logging.Logger;
import org.secrecyguard.platform.UserActivity;

/**
 * Time since the last keyboard or mouse input on an X display, from the MIT-SCREEN-SAVER extension
 * (libXss, what screen lockers use). The display is opened on first use and kept; any failure makes
 * the answer "unknown", never an error.
 */
public final class X11UserActivity implements UserActivity {
    private static final Logger LOG = Logger.getLogger(X11UserActivity.class.getName());

    /** XScreenSaverInfo from X11/extensions/scrnsaver.h. */
    @Structure.FieldOrder({"window", "state", "kind", "tilOrSince", "idle", "eventMask"})
    public static class Info extends Structure {
        public NativeLong window;
        public int state;
        public int kind;
        public NativeLong tilOrSince;
        public NativeLong idle;
        public NativeLong eventMask;
    }

    interface Xss extends Library {
        int XScreenSaverQueryInfo(X11.Display display, X11.Drawable drawable, Info info);
    }

    private final String displayName;
    private X11.Display display;   // guarded by this
    private Xss xss;               // guarded by this
    private boolean failed;        // guarded by this

    public X11UserActivity(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public synchronized OptionalLong idleMillis() {
        if (failed) {
            return OptionalLong.empty();
        }
        try {
            if (display == null) {
                xss = Native.load("Xss", Xss.class);
                display = X11.INSTANCE.XOpenDisplay(displayName);
                if (display == null) {
                    failed = true;
                    return OptionalLong.empty();
                }
            }
            Info info = new Info();
            if (xss.XScreenSaverQueryInfo(display, X11.INSTANCE.XDefaultRootWindow(display), info) == 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(info.idle.longValue());
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            failed = true;
            LOG.info("user idle time unavailable: " + e);
            return OptionalLong.empty();
        }
    }
}
