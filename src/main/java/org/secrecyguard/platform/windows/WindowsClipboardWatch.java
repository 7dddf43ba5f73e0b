package org.secrecyguard.platform.windows;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinUser;
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
 * Watches the Windows clipboard with AddClipboardFormatListener on a message-only window owned by a
 * dedicated thread that runs its message loop. Windows posts WM_CLIPBOARDUPDATE after every change;
 * {@link ClipboardMessages} filters repeats by sequence number. Not runnable on Linux: its decision
 * logic is tested through {@link ClipboardMessages}.
 */
public final class WindowsClipboardWatch implements ClipboardWatch {
    private static final Logger LOG = Logger.getLogger(WindowsClipboardWatch.class.getName());
    private static final String WINDOW_CLASS = "SecrecyGuardClipboardListener";

    private volatile WinDef.HWND window;
    private volatile Thread thread;
    // Held in a field: the window procedure is a native callback and must stay reachable.
    private WinUser.WindowProc procedure;

    @Override
    public synchronized void start(ClipboardListener listener) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        ClipboardUser32 clip;
        try {
            clip = ClipboardUser32.load();
        } catch (UnsatisfiedLinkError e) {
            throw new PlatformUnavailableException(Limitation.CLIPBOARD_WATCH_FAILED, "user32 unavailable", e);
        }
        CountDownLatch armed = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        Thread t = new Thread(() -> loop(clip, listener, armed, failure), "clipboard-win32");
        t.setDaemon(true);
        thread = t;
        t.start();
        try {
            if (!armed.await(5, TimeUnit.SECONDS)) {
                failure.compareAndSet(null, "listener window did not start within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, "interrupted");
        }
        if (failure.get() != null) {
            close();
            throw new PlatformUnavailableException(Limitation.CLIPBOARD_WATCH_FAILED, failure.get());
        }
    }

    private void loop(ClipboardUser32 clip, ClipboardListener listener, CountDownLatch armed,
                      AtomicReference<String> failure) {
        User32 user32 = User32.INSTANCE;
        WinDef.HINSTANCE instance = Kernel32.INSTANCE.GetModuleHandle(null);
        ClipboardMessages messages = new ClipboardMessages();
        procedure = (hwnd, msg, wParam, lParam) -> {
            int seq = msg == ClipboardUser32.WM_CLIPBOARDUPDATE ? clip.GetClipboardSequenceNumber() : 0;
            switch (messages.onMessage(msg, seq)) {
                case NOTIFY:
                    try {
                        listener.clipboardChanged(System.nanoTime());
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "clipboard listener failed", e);
                    }
                    return new WinDef.LRESULT(0);
                case IGNORE:
                    return new WinDef.LRESULT(0);
                case CLOSE:
                    clip.RemoveClipboardFormatListener(hwnd);
                    user32.DestroyWindow(hwnd);
                    return new WinDef.LRESULT(0);
                case QUIT:
                    user32.PostQuitMessage(0);
                    return new WinDef.LRESULT(0);
                default:
                    return user32.DefWindowProc(hwnd, msg, wParam, lParam);
            }
        };
        WinUser.WNDCLASSEX wc = new WinUser.WNDCLASSEX();
        wc.hInstance = instance;
        wc.lpfnWndProc = procedure;
        wc.lpszClassName = WINDOW_CLASS;
        user32.RegisterClassEx(wc);
        WinDef.HWND hwnd = user32.CreateWindowEx(0, WINDOW_CLASS, "SecrecyGuard clipboard", 0, 0, 0, 0, 0,
                WinUser.HWND_MESSAGE, null, instance, null);
        if (hwnd == null) {
            failure.set("CreateWindowEx failed: error " + Kernel32.INSTANCE.GetLastError());
            armed.countDown();
            return;
        }
        if (!clip.AddClipboardFormatListener(hwnd)) {
            failure.set("AddClipboardFormatListener failed: error " + Kernel32.INSTANCE.GetLastError());
            user32.DestroyWindow(hwnd);
            armed.countDown();
            return;
        }
        window = hwnd;
        armed.countDown();
        WinUser.MSG msg = new WinUser.MSG();
        while (user32.GetMessage(msg, null, 0, 0) > 0) {
            user32.TranslateMessage(msg);
            user32.DispatchMessage(msg);
        }
        window = null;
        user32.UnregisterClass(WINDOW_CLASS, instance);
    }

    @Override
    public boolean alive() {
        Thread t = thread;
        return window != null && t != null && t.isAlive();
    }

    @Override
    public synchronized void close() {
        WinDef.HWND hwnd = window;
        Thread t = thread;
        thread = null;
        if (hwnd != null) {
            User32.INSTANCE.PostMessage(hwnd, ClipboardMessages.WM_CLOSE, null, null);
        }
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String name() {
        return "Windows clipboard listener";
    }
}
