package org.secrecyguard.platform.linux;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.platform.ClipboardListener;
import org.secrecyguard.platform.ClipboardWatch;
import org.secrecyguard.platform.Limitation;
import org.secrecyguard.platform.PlatformUnavailableException;

/**
 * Watches the X11 CLIPBOARD selection through XFixes: the X server sends an event whenever any
 * application becomes the clipboard owner, i.e. on every copy, with no polling. The watch has its own
 * display connection and event thread (Xlib connections must not be shared between threads); the
 * thread waits with poll(2) on the connection so that {@link #close()} stops it within
 * {@value #POLL_MILLIS} ms.
 */
public final class X11ClipboardWatch implements ClipboardWatch {
    private static final Logger LOG = Logger.getLogger(X11ClipboardWatch.class.getName());
    private static final int POLL_MILLIS = 500;

    private final String displayName;
    private volatile boolean running;
    private Thread thread;

    /** Watches the display named by the DISPLAY environment variable. */
    public X11ClipboardWatch() {
        this(null);
    }

    /** Watches the given display (e.g. ":99"), or DISPLAY when null. */
    public X11ClipboardWatch(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public synchronized void start(ClipboardListener listener) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        XFixes xfixes = loadXFixes();
        CountDownLatch armed = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        running = true;
        Thread t = new Thread(() -> run(xfixes, listener, armed, failure), "clipboard-x11");
        t.setDaemon(true);
        thread = t;
        t.start();
        try {
            if (!armed.await(5, TimeUnit.SECONDS)) {
                close();
                throw new PlatformUnavailableException(Limitation.CLIPBOARD_WATCH_FAILED,
                        "X11 clipboard watch did not start within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new PlatformUnavailableException(Limitation.CLIPBOARD_WATCH_FAILED, "interrupted", e);
        }
        if (failure.get() != null) {
            thread = null;
            running = false;
            throw failure.get();
        }
    }

    private static XFixes loadXFixes() {
        try {
            return XFixes.load();
        } catch (UnsatisfiedLinkError e) {
            throw new PlatformUnavailableException(Limitation.XFIXES_MISSING,
                    "libXfixes not found (install libxfixes3)", e);
        }
    }

    private void run(XFixes xfixes, ClipboardListener listener, CountDownLatch armed,
                     AtomicReference<RuntimeException> failure) {
        X11 x11 = X11.INSTANCE;
        X11.Display display = x11.XOpenDisplay(displayName);
        if (display == null) {
            failure.set(new PlatformUnavailableException(Limitation.NO_DISPLAY,
                    "cannot open X display " + (displayName == null ? System.getenv("DISPLAY") : displayName)));
            armed.countDown();
            return;
        }
        X11ErrorTrap.register(display);
        Memory pollFd = new Memory(8);
        try {
            IntByReference eventBase = new IntByReference();
            IntByReference errorBase = new IntByReference();
            if (xfixes.XFixesQueryExtension(display, eventBase, errorBase) == 0) {
                failure.set(new PlatformUnavailableException(Limitation.XFIXES_MISSING,
                        "the X server has no XFIXES extension"));
                armed.countDown();
                return;
            }
            xfixes.XFixesQueryVersion(display, new IntByReference(5), new IntByReference(0));
            X11.Window root = x11.XDefaultRootWindow(display);
            X11.Atom clipboard = x11.XInternAtom(display, "CLIPBOARD", false);
            xfixes.XFixesSelectSelectionInput(display, root, clipboard,
                    new NativeLong(XFixes.SET_SELECTION_OWNER_NOTIFY_MASK));
            x11.XSync(display, false);
            int fd = Xlib.INSTANCE.XConnectionNumber(display);
            int notifyType = eventBase.getValue() + XFixes.SELECTION_NOTIFY;
            armed.countDown();
            X11.XEvent event = new X11.XEvent();
            while (running) {
                if (x11.XPending(display) == 0) {
                    pollFd.setInt(0, fd);
                    pollFd.setShort(4, Xlib.LibC.POLLIN);
                    pollFd.setShort(6, (short) 0);
                    Xlib.LibC.INSTANCE.poll(pollFd, 1, POLL_MILLIS);
                    continue;
                }
                x11.XNextEvent(display, event);
                if (event.type == notifyType) {
                    long detected = System.nanoTime();
                    try {
                        listener.clipboardChanged(detected);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "clipboard listener failed", e);
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "X11 clipboard watch stopped", e);
            if (armed.getCount() > 0) {
                failure.set(new PlatformUnavailableException(Limitation.CLIPBOARD_WATCH_FAILED,
                        "X11 clipboard watch failed: " + e, e));
                armed.countDown();
            }
        } finally {
            X11ErrorTrap.unregister(display);
            x11.XCloseDisplay(display);
        }
    }

    @Override
    public boolean alive() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    @Override
    public synchronized void close() {
        running = false;
        Thread t = thread;
        thread = null;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String name() {
        return "X11 XFixes";
    }
}
