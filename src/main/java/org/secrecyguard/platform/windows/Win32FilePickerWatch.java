package org.secrecyguard.platform.windows;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinUser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.platform.FilePickerWatch;
import org.secrecyguard.platform.Limitation;
import org.secrecyguard.platform.PickerSelection;
import org.secrecyguard.platform.PlatformUnavailableException;

/**
 * The file pickers of other programs, seen through {@code SetWinEventHook} with
 * {@code WINEVENT_OUTOFCONTEXT}: no DLL is injected into the chat client (an injected hook is what
 * anti-cheat style protections of chat clients refuse, and a crash in it would take the client down);
 * Windows queues the events to the hooking thread instead, which therefore runs a message loop
 * ({@code GetMessage}) and does nothing else. What the events mean is {@link PickerEvents}'s.
 * <b>Never run on Windows yet</b>: built and its logic tested on Linux with recorded traces.
 */
public final class Win32FilePickerWatch implements FilePickerWatch {
    private static final Logger LOG = Logger.getLogger(Win32FilePickerWatch.class.getName());
    private static final int WINEVENT_OUTOFCONTEXT = 0x0000;
    private static final int WINEVENT_SKIPOWNPROCESS = 0x0002;
    private static final int WM_QUIT = 0x0012;

    private final Map<String, String> knownFolders;
    private Thread thread;
    private volatile int threadId;
    /** Kept referenced: JNA frees a callback whose Java object is collected, and the hook would then crash. */
    private WinUser.WinEventProc procedure;

    /** @param knownFolders display names of known folders ("桌面", "Desktop") to their paths */
    public Win32FilePickerWatch(Map<String, String> knownFolders) {
        this.knownFolders = Map.copyOf(knownFolders);
    }

    /**
     * The display names the address band uses for a user's known folders (zh-CN and en), to their
     * paths under {@code userProfile}; empty when the profile is unknown. Redirected folders (a
     * Documents folder moved to D:) show their real path in the band and need no entry.
     */
    public static Map<String, String> knownFolders(String userProfile) {
        if (userProfile == null || userProfile.isBlank()) {
            return Map.of();
        }
        String p = userProfile.endsWith("\\") ? userProfile : userProfile + "\\";
        return Map.of("桌面", p + "Desktop", "Desktop", p + "Desktop", "文档", p + "Documents",
                "Documents", p + "Documents", "下载", p + "Downloads", "Downloads", p + "Downloads");
    }

    @Override
    public synchronized void start(Consumer<PickerSelection> onSelection) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        CountDownLatch armed = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        Thread t = new Thread(() -> loop(onSelection, armed, failure), "file-picker-win32");
        t.setDaemon(true);
        thread = t;
        t.start();
        try {
            if (!armed.await(5, TimeUnit.SECONDS)) {
                failure.compareAndSet(null, "WinEvent hook did not start within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, "interrupted");
        }
        if (failure.get() != null) {
            close();
            throw new PlatformUnavailableException(Limitation.FILE_PICKER_UNAVAILABLE, failure.get());
        }
    }

    private void loop(Consumer<PickerSelection> onSelection, CountDownLatch armed, AtomicReference<String> failure) {
        User32 user32 = User32.INSTANCE;
        PickerEvents events;
        try {
            events = new PickerEvents(new Win32DialogWindows(), new FileDialogReader(knownFolders), Path::of,
                    onSelection);
        } catch (UnsatisfiedLinkError e) {
            failure.set("user32 unavailable: " + e.getMessage());
            armed.countDown();
            return;
        }
        threadId = Kernel32.INSTANCE.GetCurrentThreadId();
        procedure = (hook, event, hwnd, idObject, idChild, eventThread, time) -> {
            if (hwnd == null) {
                return;
            }
            try {
                events.accept(new WinEvent(event.intValue(), Pointer.nativeValue(hwnd.getPointer()),
                        idObject.intValue(), pidOf(user32, hwnd)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "file picker event failed", e); // one bad event never ends the watch
            }
        };
        int flags = WINEVENT_OUTOFCONTEXT | WINEVENT_SKIPOWNPROCESS;
        List<WinNT.HANDLE> hooks = new ArrayList<>();
        int[][] ranges = {
                {WinEvent.EVENT_SYSTEM_DIALOGSTART, WinEvent.EVENT_SYSTEM_DIALOGEND},
                {WinEvent.EVENT_OBJECT_DESTROY, WinEvent.EVENT_OBJECT_SHOW},
                {WinEvent.EVENT_OBJECT_VALUECHANGE, WinEvent.EVENT_OBJECT_VALUECHANGE}};
        for (int[] r : ranges) {
            WinNT.HANDLE h = user32.SetWinEventHook(r[0], r[1], null, procedure, 0, 0, flags);
            if (h == null) {
                failure.set("SetWinEventHook failed: error " + Kernel32.INSTANCE.GetLastError());
                hooks.forEach(user32::UnhookWinEvent);
                armed.countDown();
                return;
            }
            hooks.add(h);
        }
        armed.countDown();
        WinUser.MSG msg = new WinUser.MSG();
        while (user32.GetMessage(msg, null, 0, 0) > 0) {
            user32.TranslateMessage(msg);
            user32.DispatchMessage(msg);
        }
        hooks.forEach(user32::UnhookWinEvent); // from the thread that set them, as Windows requires
    }

    private static long pidOf(User32 user32, WinDef.HWND hwnd) {
        com.sun.jna.ptr.IntByReference pid = new com.sun.jna.ptr.IntByReference();
        user32.GetWindowThreadProcessId(hwnd, pid);
        return Integer.toUnsignedLong(pid.getValue());
    }

    @Override
    public synchronized void close() {
        Thread t = thread;
        thread = null;
        if (t == null) {
            return;
        }
        if (threadId != 0) {
            User32.INSTANCE.PostThreadMessage(threadId, WM_QUIT, null, null);
        }
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threadId = 0;
    }
}
