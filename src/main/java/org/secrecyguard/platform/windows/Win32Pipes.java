package org.secrecyguard.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import java.lang.ref.Reference;

/**
 * The Win32 glue of {@link PipeApi}. Every handle is opened FILE_FLAG_OVERLAPPED and every call waits
 * in GetOverlappedResult: on a synchronous pipe handle Windows serialises calls, so the tray link's
 * blocked read would hold up every popup written to it, and no CancelIoEx could end a wait cleanly.
 * Buffers and OVERLAPPED blocks are native memory held until the call completes (JNA's copies of a
 * byte[] or a Structure live only for the call, and an auto-synced Structure would be written over
 * while the kernel still fills it). Nothing here decides anything. <b>Never run on Windows</b>
 * (compiled on Linux; nothing loads this class there).
 */
final class Win32Pipes implements PipeApi {
    private static final int PIPE_ACCESS_DUPLEX = 0x0000_0003;
    private static final int FILE_FLAG_FIRST_PIPE_INSTANCE = 0x0008_0000;
    private static final int FILE_FLAG_OVERLAPPED = 0x4000_0000;
    private static final int PIPE_TYPE_BYTE_READMODE_BYTE_WAIT = 0;
    private static final int PIPE_REJECT_REMOTE_CLIENTS = 0x0000_0008;
    private static final int PIPE_UNLIMITED_INSTANCES = 255;
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int DEFAULT_TIMEOUT_MILLIS = 2000;
    private static final int OPEN_EXISTING = 3;
    /** The server may identify the tray app's user but not act as it (a squatter gains nothing). */
    private static final int SECURITY_SQOS_PRESENT = 0x0010_0000;
    private static final int SECURITY_IDENTIFICATION = 0x0001_0000;
    private static final int SDDL_REVISION_1 = 1;

    /** The calls with pointer arguments jna-platform 5.19 types as byte[] or Structure, and its missing ones. */
    interface Kernel extends StdCallLibrary {
        WinNT.HANDLE CreateNamedPipeW(WString name, int openMode, int pipeMode, int maxInstances, int outBuffer,
                                      int inBuffer, int defaultTimeout, Pointer securityAttributes);

        WinNT.HANDLE CreateFileW(WString name, int access, int share, Pointer securityAttributes, int disposition,
                                 int flags, Pointer template);

        boolean ConnectNamedPipe(WinNT.HANDLE pipe, Pointer overlapped);

        boolean ReadFile(WinNT.HANDLE file, Pointer buffer, int bytes, Pointer read, Pointer overlapped);

        boolean WriteFile(WinNT.HANDLE file, Pointer buffer, int bytes, Pointer written, Pointer overlapped);

        boolean GetOverlappedResult(WinNT.HANDLE file, Pointer overlapped, IntByReference transferred, boolean wait);

        boolean CancelIoEx(WinNT.HANDLE file, Pointer overlapped);

        WinNT.HANDLE CreateEventW(Pointer attributes, boolean manualReset, boolean initialState, WString name);

        boolean WaitNamedPipeW(WString name, int timeoutMillis);
    }

    /** Not in jna-platform 5.19. */
    interface Sddl extends StdCallLibrary {
        boolean ConvertStringSecurityDescriptorToSecurityDescriptorW(WString sddl, int revision,
                                                                     PointerByReference descriptor, Pointer size);
    }

    /** OVERLAPPED: Internal, InternalHigh (ULONG_PTR each), Offset+OffsetHigh or Pointer (8 bytes), hEvent. */
    private static final int OVERLAPPED_SIZE = 3 * Native.POINTER_SIZE + 8;

    private final Kernel kernel = Native.load("kernel32", Kernel.class);
    private final Sddl sddl = Native.load("advapi32", Sddl.class);

    @Override
    public long createServer(String name, boolean first, String descriptor) throws PipeCallException {
        PointerByReference sd = new PointerByReference();
        if (!sddl.ConvertStringSecurityDescriptorToSecurityDescriptorW(new WString(descriptor), SDDL_REVISION_1, sd,
                null)) {
            throw new PipeCallException("ConvertStringSecurityDescriptorToSecurityDescriptorW", Native.getLastError());
        }
        try {
            WinBase.SECURITY_ATTRIBUTES sa = new WinBase.SECURITY_ATTRIBUTES();
            sa.dwLength = new WinDef.DWORD(sa.size());
            sa.lpSecurityDescriptor = sd.getValue();
            sa.bInheritHandle = false;
            sa.write();
            WinNT.HANDLE pipe = kernel.CreateNamedPipeW(new WString(name),
                    PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED | (first ? FILE_FLAG_FIRST_PIPE_INSTANCE : 0),
                    PIPE_TYPE_BYTE_READMODE_BYTE_WAIT | PIPE_REJECT_REMOTE_CLIENTS, PIPE_UNLIMITED_INSTANCES,
                    BUFFER_BYTES, BUFFER_BYTES, DEFAULT_TIMEOUT_MILLIS, sa.getPointer());
            return valid(pipe, "CreateNamedPipeW");
        } finally {
            Kernel32.INSTANCE.LocalFree(sd.getValue());
        }
    }

    @Override
    public void awaitClient(long pipe) throws PipeCallException {
        WinNT.HANDLE h = handle(pipe);
        try (Overlapped ov = new Overlapped()) {
            if (kernel.ConnectNamedPipe(h, ov.block)) {
                finish(h, ov, "ConnectNamedPipe");
                return;
            }
            int error = Native.getLastError();
            if (error == PipeCallException.ERROR_PIPE_CONNECTED) {
                return; // the client came between CreateNamedPipe and ConnectNamedPipe
            }
            if (error != PipeCallException.ERROR_IO_PENDING) {
                throw new PipeCallException("ConnectNamedPipe", error);
            }
            finish(h, ov, "ConnectNamedPipe");
        }
    }

    @Override
    public int clientProcessId(long pipe) throws PipeCallException {
        WinDef.ULONGByReference pid = new WinDef.ULONGByReference();
        if (!Kernel32.INSTANCE.GetNamedPipeClientProcessId(handle(pipe), pid)) {
            throw new PipeCallException("GetNamedPipeClientProcessId", Native.getLastError());
        }
        return pid.getValue().intValue();
    }

    @Override
    public int clientSessionId(long pipe) throws PipeCallException {
        WinDef.ULONGByReference session = new WinDef.ULONGByReference();
        if (!Kernel32.INSTANCE.GetNamedPipeClientSessionId(handle(pipe), session)) {
            throw new PipeCallException("GetNamedPipeClientSessionId", Native.getLastError());
        }
        return session.getValue().intValue();
    }

    @Override
    public int serverSessionId(long pipe) throws PipeCallException {
        WinDef.ULONGByReference session = new WinDef.ULONGByReference();
        if (!Kernel32.INSTANCE.GetNamedPipeServerSessionId(handle(pipe), session)) {
            throw new PipeCallException("GetNamedPipeServerSessionId", Native.getLastError());
        }
        return session.getValue().intValue();
    }

    @Override
    public int sessionOf(int pid) throws PipeCallException {
        IntByReference session = new IntByReference();
        if (!Kernel32.INSTANCE.ProcessIdToSessionId(pid, session)) {
            throw new PipeCallException("ProcessIdToSessionId", Native.getLastError());
        }
        return session.getValue();
    }

    @Override
    public TokenUser userOf(int pid) throws PipeCallException {
        WinNT.HANDLE process = Kernel32.INSTANCE.OpenProcess(WinNT.PROCESS_QUERY_LIMITED_INFORMATION, false, pid);
        if (process == null) {
            throw new PipeCallException("OpenProcess", Native.getLastError());
        }
        try {
            WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
            if (!Advapi32.INSTANCE.OpenProcessToken(process, WinNT.TOKEN_QUERY, token)) {
                throw new PipeCallException("OpenProcessToken", Native.getLastError());
            }
            try {
                return tokenUser(token.getValue());
            } finally {
                Kernel32.INSTANCE.CloseHandle(token.getValue());
            }
        } finally {
            Kernel32.INSTANCE.CloseHandle(process);
        }
    }

    private static TokenUser tokenUser(WinNT.HANDLE token) throws PipeCallException {
        IntByReference size = new IntByReference();
        Advapi32.INSTANCE.GetTokenInformation(token, WinNT.TOKEN_INFORMATION_CLASS.TokenUser, null, 0, size);
        if (size.getValue() <= 0) {
            throw new PipeCallException("GetTokenInformation", Native.getLastError());
        }
        WinNT.TOKEN_USER user = new WinNT.TOKEN_USER(size.getValue());
        if (!Advapi32.INSTANCE.GetTokenInformation(token, WinNT.TOKEN_INFORMATION_CLASS.TokenUser, user,
                size.getValue(), size)) {
            throw new PipeCallException("GetTokenInformation", Native.getLastError());
        }
        WinNT.PSID sid = user.User.Sid;
        String sidString;
        try {
            sidString = Advapi32Util.convertSidToStringSid(sid);
        } catch (Win32Exception e) {
            throw new PipeCallException("ConvertSidToStringSidW", e.getErrorCode());
        }
        String account;
        try {
            Advapi32Util.Account a = Advapi32Util.getAccountBySid(null, sid);
            account = a.domain == null || a.domain.isEmpty() ? a.name : a.domain + "\\" + a.name;
        } catch (Win32Exception e) {
            account = null; // a domain account while the domain is out of reach: the SID stands for it
        }
        return new TokenUser(sidString, account);
    }

    @Override
    public long openClient(String name, int access) throws PipeCallException {
        WinNT.HANDLE pipe = kernel.CreateFileW(new WString(name), access, 0, null, OPEN_EXISTING,
                FILE_FLAG_OVERLAPPED | SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION, null);
        return valid(pipe, "CreateFileW");
    }

    @Override
    public boolean waitForInstance(String name, int millis) {
        return kernel.WaitNamedPipeW(new WString(name), millis);
    }

    @Override
    public int read(long pipe, byte[] buffer, int offset, int len) throws PipeCallException {
        WinNT.HANDLE h = handle(pipe);
        Memory chunk = new Memory(len);
        try {
            while (true) {
                int n;
                try (Overlapped ov = new Overlapped()) {
                    boolean done = kernel.ReadFile(h, chunk, len, null, ov.block);
                    if (!done) {
                        pending(Native.getLastError(), "ReadFile");
                    }
                    n = finish(h, ov, "ReadFile");
                } catch (PipeCallException e) {
                    if (e.peerGone()) {
                        return -1;
                    }
                    throw e;
                }
                if (n > 0) {
                    chunk.read(0, buffer, offset, n);
                    return n;
                } // a zero-byte write arrives as a zero-byte read: wait for real data
            }
        } finally {
            Reference.reachabilityFence(chunk); // the kernel fills it until the call completes
        }
    }

    @Override
    public void write(long pipe, byte[] buffer, int offset, int len) throws PipeCallException {
        WinNT.HANDLE h = handle(pipe);
        Memory chunk = new Memory(len);
        chunk.write(0, buffer, offset, len);
        int done = 0;
        try {
            while (done < len) {
                try (Overlapped ov = new Overlapped()) {
                    if (!kernel.WriteFile(h, chunk.share(done), len - done, null, ov.block)) {
                        pending(Native.getLastError(), "WriteFile");
                    }
                    done += finish(h, ov, "WriteFile");
                }
            }
        } finally {
            // The kernel reads the buffer until the call completes: it must not be freed by a GC before.
            Reference.reachabilityFence(chunk);
        }
    }

    @Override
    public void cancel(long pipe) {
        kernel.CancelIoEx(handle(pipe), null); // ERROR_NOT_FOUND when nothing is pending: fine
    }

    @Override
    public void close(long pipe) {
        Kernel32.INSTANCE.CloseHandle(handle(pipe));
    }

    private static void pending(int error, String call) throws PipeCallException {
        if (error != PipeCallException.ERROR_IO_PENDING) {
            throw new PipeCallException(call, error);
        }
    }

    /** Waits for the overlapped call to complete; returns the bytes it moved. */
    private int finish(WinNT.HANDLE h, Overlapped ov, String call) throws PipeCallException {
        IntByReference moved = new IntByReference();
        if (!kernel.GetOverlappedResult(h, ov.block, moved, true)) {
            throw new PipeCallException(call, Native.getLastError());
        }
        return moved.getValue();
    }

    private static long valid(WinNT.HANDLE h, String call) throws PipeCallException {
        if (h == null || WinBase.INVALID_HANDLE_VALUE.equals(h)) {
            throw new PipeCallException(call, Native.getLastError());
        }
        return Pointer.nativeValue(h.getPointer());
    }

    private static WinNT.HANDLE handle(long value) {
        return new WinNT.HANDLE(new Pointer(value));
    }

    /** An OVERLAPPED block in native memory with its own manual-reset event. */
    private final class Overlapped implements AutoCloseable {
        final Memory block;
        private final WinNT.HANDLE event;

        Overlapped() throws PipeCallException {
            event = kernel.CreateEventW(null, true, false, null);
            if (event == null) {
                throw new PipeCallException("CreateEventW", Native.getLastError());
            }
            block = new Memory(OVERLAPPED_SIZE);
            block.clear();
            block.setPointer(OVERLAPPED_SIZE - Native.POINTER_SIZE, event.getPointer());
        }

        @Override
        public void close() {
            Kernel32.INSTANCE.CloseHandle(event);
        }
    }
}
