package org.secrecyguard.platform.windows;

import java.util.Optional;

/**
 * The few questions {@link PickerEvents} asks about windows of other processes: Win32 calls on
 * Windows ({@link Win32DialogWindows}), recorded answers in tests.
 */
public interface DialogWindows {
    /** The top-level window {@code hwnd} belongs to (GetAncestor GA_ROOT); itself for a top-level one. */
    long rootOf(long hwnd);

    /** GetClassName of {@code hwnd}, "" when it is gone. */
    String className(long hwnd);

    /** The tree under a top-level window, read now; empty when the window is gone. */
    Optional<WindowNode> tree(long hwnd);

    /** The executable path of a process, "" when it cannot be read. */
    String executable(long pid);
}
