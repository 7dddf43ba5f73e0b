package org.secrecyguard.platform.windows;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.secrecyguard.platform.FileHold;

/**
 * Holds a file with {@code CreateFile(..., dwShareMode = 0, ...)}: while the handle is open, every
 * other open of the file fails with ERROR_SHARING_VIOLATION, whatever access it asks for, so the chat
 * client cannot read it while the user looks at the popup. Not {@code LockFileEx}: byte-range locks
 * are checked by ReadFile only, a memory-mapped view (CreateFileMapping/MapViewOfFile, which several
 * uploaders use for large files) reads past them, and a lock does not stop an open that copies the
 * file elsewhere first. A file another process already has open cannot be held this way (our open
 * fails with the sharing violation itself): the caller warns and records that instead.
 * <b>Never run on Windows yet.</b>
 */
public final class Win32FileHold implements FileHold {
    private static final int ERROR_SHARING_VIOLATION = 32;

    @Override
    public Result hold(Path file) {
        Kernel32 k = Kernel32.INSTANCE;
        // GENERIC_READ is enough for the share mode to apply; OPEN_EXISTING never creates or truncates.
        WinNT.HANDLE h = k.CreateFile(file.toString(), WinNT.GENERIC_READ, 0, null, WinNT.OPEN_EXISTING,
                WinNT.FILE_ATTRIBUTE_NORMAL, null);
        if (h == null || WinBase.INVALID_HANDLE_VALUE.equals(h)) {
            int error = k.GetLastError();
            return new NotHeld(error == ERROR_SHARING_VIOLATION
                    ? "another program has the file open already (sharing violation)"
                    : "CreateFile failed: " + Kernel32Util.formatMessageFromLastErrorCode(error).strip());
        }
        return new HeldHandle(file, h);
    }

    private static final class HeldHandle implements Held {
        private final Path file;
        private final WinNT.HANDLE handle;
        private final AtomicBoolean released = new AtomicBoolean();

        HeldHandle(Path file, WinNT.HANDLE handle) {
            this.file = file;
            this.handle = handle;
        }

        @Override
        public Path file() {
            return file;
        }

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                Kernel32.INSTANCE.CloseHandle(handle);
            }
        }
    }
}
