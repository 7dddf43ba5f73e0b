package org.secrecyguard.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.platform.ForegroundWindow;
import org.secrecyguard.platform.WindowInfo;

/**
 * The focused application on Windows: GetForegroundWindow, its owning process through
 * GetWindowThreadProcessId, and the executable's full path through QueryFullProcessImageName with
 * PROCESS_QUERY_LIMITED_INFORMATION (allowed even for elevated processes of the same user).
 */
public final class WindowsForegroundWindow implements ForegroundWindow {
    private static final Logger LOG = Logger.getLogger(WindowsForegroundWindow.class.getName());
    private static final int PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;

    @Override
    public Optional<WindowInfo> current() {
        try {
            User32 user32 = User32.INSTANCE;
            WinDef.HWND hwnd = user32.GetForegroundWindow();
            if (hwnd == null) {
                return Optional.empty();
            }
            IntByReference pidRef = new IntByReference();
            user32.GetWindowThreadProcessId(hwnd, pidRef);
            int pid = pidRef.getValue();
            char[] title = new char[512];
            int titleLen = user32.GetWindowText(hwnd, title, title.length);
            char[] cls = new char[256];
            int clsLen = user32.GetClassName(hwnd, cls, cls.length);
            String exe = pid > 0 ? imagePath(pid) : "";
            return Optional.of(new WindowInfo(WindowInfo.appNameFromPath(exe), pid > 0 ? pid : -1, exe,
                    new String(title, 0, Math.max(0, titleLen)), new String(cls, 0, Math.max(0, clsLen))));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.log(Level.FINE, "foreground window query failed", e);
            return Optional.empty();
        }
    }

    private static String imagePath(int pid) {
        WinNT.HANDLE process = Kernel32.INSTANCE.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, false, pid);
        if (process == null) {
            return "";
        }
        try {
            char[] buffer = new char[1024];
            IntByReference size = new IntByReference(buffer.length);
            if (Kernel32.INSTANCE.QueryFullProcessImageName(process, 0, buffer, size)) {
                return Native.toString(java.util.Arrays.copyOf(buffer, size.getValue()));
            }
            return "";
        } finally {
            Kernel32.INSTANCE.CloseHandle(process);
        }
    }
}
