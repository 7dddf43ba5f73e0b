package org.secrecyguard.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DialogWindows} through user32: window trees read with EnumChildWindows, GetParent,
 * GetClassName, GetDlgCtrlID and WM_GETTEXT (with a 200 ms timeout and abort-if-hung, so that a hung
 * dialog never hangs the hook). Thin glue: what the tree means is {@link FileDialogReader}'s.
 * Never run on Windows yet (it was built and its logic tested on Linux with recorded trees).
 */
final class Win32DialogWindows implements DialogWindows {
    private static final int MAX_WINDOWS = 600;
    private static final int TEXT_TIMEOUT_MILLIS = 200;
    private static final int PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;

    private final User32 user32 = User32.INSTANCE;
    private final PickerUser32 picker = PickerUser32.load();

    @Override
    public long rootOf(long hwnd) {
        WinDef.HWND root = user32.GetAncestor(handle(hwnd), WinUser.GA_ROOT);
        return root == null ? hwnd : Pointer.nativeValue(root.getPointer());
    }

    @Override
    public String className(long hwnd) {
        char[] buf = new char[256];
        int n = user32.GetClassName(handle(hwnd), buf, buf.length);
        return n <= 0 ? "" : new String(buf, 0, n);
    }

    @Override
    public Optional<WindowNode> tree(long hwnd) {
        WinDef.HWND top = handle(hwnd);
        if (!user32.IsWindow(top)) {
            return Optional.empty();
        }
        Map<Long, List<Long>> children = new HashMap<>();
        List<Long> all = new ArrayList<>();
        user32.EnumChildWindows(top, (child, data) -> {
            long h = Pointer.nativeValue(child.getPointer());
            WinDef.HWND parent = user32.GetParent(child);
            long p = parent == null ? hwnd : Pointer.nativeValue(parent.getPointer());
            children.computeIfAbsent(p, k -> new ArrayList<>()).add(h);
            all.add(h);
            return all.size() < MAX_WINDOWS;
        }, null);
        return Optional.of(build(hwnd, children, new LinkedHashMap<>()));
    }

    private WindowNode build(long hwnd, Map<Long, List<Long>> children, Map<Long, Boolean> seen) {
        seen.put(hwnd, true);
        List<WindowNode> kids = new ArrayList<>();
        for (long c : children.getOrDefault(hwnd, List.of())) {
            if (!seen.containsKey(c)) {
                kids.add(build(c, children, seen));
            }
        }
        WinDef.HWND h = handle(hwnd);
        return new WindowNode(hwnd, className(hwnd), picker.GetDlgCtrlID(h), text(h), kids);
    }

    private String text(WinDef.HWND h) {
        char[] buf = new char[1024];
        WinDef.DWORDByReference copied = new WinDef.DWORDByReference();
        WinDef.LRESULT ok = picker.SendMessageTimeout(h, PickerUser32.WM_GETTEXT, new WinDef.WPARAM(buf.length),
                buf, PickerUser32.SMTO_ABORTIFHUNG, TEXT_TIMEOUT_MILLIS, copied);
        if (ok == null || ok.longValue() == 0) {
            return "";
        }
        return Native.toString(buf);
    }

    @Override
    public String executable(long pid) {
        WinNT.HANDLE process = com.sun.jna.platform.win32.Kernel32.INSTANCE.OpenProcess(
                PROCESS_QUERY_LIMITED_INFORMATION, false, (int) pid);
        if (process == null) {
            return "";
        }
        try {
            return Kernel32Util.QueryFullProcessImageName(process, 0);
        } catch (RuntimeException e) {
            return "";
        } finally {
            com.sun.jna.platform.win32.Kernel32.INSTANCE.CloseHandle(process);
        }
    }

    private static WinDef.HWND handle(long hwnd) {
        return new WinDef.HWND(new Pointer(hwnd));
    }
}
