package org.secrecyguard.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * user32 clipboard functions missing from jna-platform's User32 (Windows Vista and later). Loaded
 * lazily by the Windows classes only, so referencing this type on Linux does not load user32.
 */
interface ClipboardUser32 extends StdCallLibrary {
    /** Sent to every registered listener after the clipboard content changed. */
    int WM_CLIPBOARDUPDATE = 0x031D;

    static ClipboardUser32 load() {
        return Native.load("user32", ClipboardUser32.class, W32APIOptions.DEFAULT_OPTIONS);
    }

    boolean AddClipboardFormatListener(WinDef.HWND hwnd);

    boolean RemoveClipboardFormatListener(WinDef.HWND hwnd);

    /** Incremented by Windows on every clipboard change; 0 when the caller lacks window-station access. */
    int GetClipboardSequenceNumber();
}
