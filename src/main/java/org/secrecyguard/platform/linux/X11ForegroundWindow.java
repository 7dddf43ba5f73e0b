package org.secrecyguard.platform.linux;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.platform.ForegroundWindow;
import org.secrecyguard.platform.WindowInfo;

/**
 * The focused application on X11, as EWMH window managers publish it: {@code _NET_ACTIVE_WINDOW} on
 * the root window names the window, its {@code _NET_WM_PID} the process, whose name comes from
 * {@code /proc/PID/exe} (full path) or {@code /proc/PID/comm}. Windows without a PID are named by
 * their WM_CLASS. One display connection, used under this object's lock.
 */
public final class X11ForegroundWindow implements ForegroundWindow {
    private static final Logger LOG = Logger.getLogger(X11ForegroundWindow.class.getName());
    private static final int XA_CARDINAL = 6;
    private static final int XA_WINDOW = 33;
    private static final int XA_STRING = 31;
    private static final int ANY_PROPERTY_TYPE = 0;

    private final String displayName;
    private final Path procRoot;
    private X11.Display display;
    private X11.Window root;
    private X11.Atom activeWindow;
    private X11.Atom wmPid;
    private X11.Atom netWmName;
    private X11.Atom utf8String;
    private X11.Atom wmClass;
    private X11.Atom wmName;

    public X11ForegroundWindow() {
        this(null, Path.of("/proc"));
    }

    /** For tests: a given display and /proc root. */
    public X11ForegroundWindow(String displayName, Path procRoot) {
        this.displayName = displayName;
        this.procRoot = procRoot;
    }

    @Override
    public synchronized Optional<WindowInfo> current() {
        try {
            if (!open()) {
                return Optional.empty();
            }
            long window = firstLong(root, activeWindow, XA_WINDOW);
            if (window <= 0) {
                return Optional.empty();
            }
            X11.Window w = new X11.Window(window);
            long pid = firstLong(w, wmPid, XA_CARDINAL);
            String title = string(w, netWmName, utf8String.intValue());
            if (title.isEmpty()) {
                title = string(w, wmName, XA_STRING);
            }
            String windowClass = windowClass(w);
            if (pid <= 0 && title.isEmpty() && windowClass.isEmpty()) {
                return Optional.empty(); // a window that vanished, or one that says nothing about itself
            }
            String exe = pid > 0 ? executable(pid) : "";
            String app = !exe.isEmpty() ? WindowInfo.appNameFromPath(exe)
                    : pid > 0 ? comm(pid) : windowClass;
            return Optional.of(new WindowInfo(app, pid, exe, title, windowClass));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "foreground window query failed", e);
            return Optional.empty();
        }
    }

    private boolean open() {
        if (display != null) {
            return true;
        }
        X11 x11 = X11.INSTANCE;
        display = x11.XOpenDisplay(displayName);
        if (display == null) {
            return false;
        }
        X11ErrorTrap.register(display);
        root = x11.XDefaultRootWindow(display);
        activeWindow = x11.XInternAtom(display, "_NET_ACTIVE_WINDOW", false);
        wmPid = x11.XInternAtom(display, "_NET_WM_PID", false);
        netWmName = x11.XInternAtom(display, "_NET_WM_NAME", false);
        utf8String = x11.XInternAtom(display, "UTF8_STRING", false);
        wmClass = x11.XInternAtom(display, "WM_CLASS", false);
        wmName = x11.XInternAtom(display, "WM_NAME", false);
        return true;
    }

    /** First 32-bit item of a property (returned by Xlib as a C long), or -1. */
    private long firstLong(X11.Window w, X11.Atom property, int type) {
        byte[] raw = property(w, property, type, 1);
        if (raw == null || raw.length < NativeLong.SIZE) {
            return -1;
        }
        return NativeLong.SIZE == 8
                ? java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.nativeOrder()).getLong()
                : java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.nativeOrder()).getInt() & 0xffffffffL;
    }

    private String string(X11.Window w, X11.Atom property, int type) {
        byte[] raw = property(w, property, type, 256);
        return raw == null ? "" : new String(raw, StandardCharsets.UTF_8).replace("\0", " ").trim();
    }

    private String windowClass(X11.Window w) {
        byte[] raw = property(w, wmClass, XA_STRING, 64);
        if (raw == null) {
            return "";
        }
        // WM_CLASS is "instance\0Class\0": the class names the application.
        String[] parts = new String(raw, StandardCharsets.ISO_8859_1).split("\0");
        return parts.length > 1 ? parts[1] : parts.length == 1 ? parts[0] : "";
    }

    /** The raw bytes of a property (format 32 items as C longs), or null when absent or on error. */
    private byte[] property(X11.Window w, X11.Atom property, int type, int longLength) {
        X11.AtomByReference actualType = new X11.AtomByReference();
        IntByReference actualFormat = new IntByReference();
        NativeLongByReference items = new NativeLongByReference();
        NativeLongByReference after = new NativeLongByReference();
        PointerByReference data = new PointerByReference();
        // AnyPropertyType: window managers and tools disagree on types (WINDOW vs CARDINAL, STRING vs
        // UTF8_STRING); a type mismatch would return nothing.
        int status = X11.INSTANCE.XGetWindowProperty(display, w, property, new NativeLong(0),
                new NativeLong(longLength), false, new X11.Atom(ANY_PROPERTY_TYPE),
                actualType, actualFormat, items, after, data);
        Pointer p = data.getValue();
        try {
            if (status != 0 || p == null || items.getValue().longValue() == 0) {
                return null;
            }
            int format = actualFormat.getValue();
            long n = items.getValue().longValue();
            int size = format == 32 ? NativeLong.SIZE : format / 8;
            return p.getByteArray(0, (int) (n * size));
        } finally {
            if (p != null) {
                X11.INSTANCE.XFree(p);
            }
        }
    }

    private String executable(long pid) {
        try {
            return Files.readSymbolicLink(procRoot.resolve(Long.toString(pid)).resolve("exe")).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "";
        }
    }

    private String comm(long pid) {
        try {
            return Files.readString(procRoot.resolve(Long.toString(pid)).resolve("comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public synchronized void close() {
        if (display != null) {
            X11.INSTANCE.XCloseDisplay(display);
            X11ErrorTrap.unregister(display);
            display = null;
        }
    }
}
