package org.secrecyguard.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** user32 functions the picker watch needs that jna-platform's User32 lacks or types too loosely. */
interface PickerUser32 extends StdCallLibrary {
    int WM_GETTEXT = 0x000D;
    /** Give up at once on a window whose thread is hung: the guard must never hang with it. */
    int SMTO_ABORTIFHUNG = 0x0002;

    static PickerUser32 load() {
        return Native.load("user32", PickerUser32.class, W32APIOptions.DEFAULT_OPTIONS);
    }

    int GetDlgCtrlID(WinDef.HWND hwnd);

    /**
     * WM_GETTEXT into {@code buffer}. GetWindowText cannot read an edit box of another process (it
     * returns only the caption it keeps itself), the message can.
     */
    WinDef.LRESULT SendMessageTimeout(WinDef.HWND hwnd, int msg, WinDef.WPARAM wParam, char[] buffer, int flags,
                                      int timeoutMillis, WinDef.DWORDByReference result);
}
