package org.secrecyguard.platform.windows;

import com.sun.jna.platform.win32.Kernel32;
import org.secrecyguard.platform.BackgroundPriority;

/**
 * THREAD_MODE_BACKGROUND_BEGIN lowers the thread's CPU, I/O and memory priority in one call (what
 * Windows Search's indexer uses). Untested here (no Windows).
 */
public final class WindowsBackgroundPriority implements BackgroundPriority {
    static final int THREAD_MODE_BACKGROUND_BEGIN = 0x00010000;

    @Override
    public boolean lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        try {
            return Kernel32.INSTANCE.SetThreadPriority(Kernel32.INSTANCE.GetCurrentThread(),
                    THREAD_MODE_BACKGROUND_BEGIN);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }
}
