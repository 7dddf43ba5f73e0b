package org.secrecyguard.platform.windows;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinUser;
import java.util.OptionalLong;
import org.secrecyguard.platform.UserActivity;

/** GetLastInputInfo: the session's last input, in the same 32-bit tick count as GetTickCount. Untested here. */
public final class WindowsUserActivity implements UserActivity {
    @Override
    public OptionalLong idleMillis() {
        try {
            WinUser.LASTINPUTINFO info = new WinUser.LASTINPUTINFO();
            if (!User32.INSTANCE.GetLastInputInfo(info)) {
                return OptionalLong.empty();
            }
            // Both are 32-bit tick counts: the unsigned difference survives the 49.7-day wrap.
            long idle = (Kernel32.INSTANCE.GetTickCount() - info.dwTime) & 0xFFFFFFFFL;
            return OptionalLong.of(idle);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
