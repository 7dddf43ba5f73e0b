package org.secrecyguard.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.Wtsapi32;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Win32 glue of {@link WtsApi}: WTSEnumerateSessionsW and WTSQuerySessionInformationW for the
 * list; WTSQueryUserToken (needs SeTcbPrivilege, i.e. LocalSystem: the service), CreateEnvironmentBlock
 * and CreateProcessAsUserW on {@code winsta0\default} to start a program as the session's user.
 * WTSQueryUserToken gives a primary token already, so no DuplicateTokenEx. Nothing here decides
 * anything; {@link WtsSessionLauncher} does. <b>Never run on Windows yet</b> (compiled on Linux).
 */
public final class Win32WtsApi implements WtsApi {
    private static final int CREATE_UNICODE_ENVIRONMENT = 0x00000400;

    /** Not in jna-platform 5.19: WTSQueryUserToken. */
    interface Wts extends StdCallLibrary {
        boolean WTSQueryUserToken(int sessionId, WinNT.HANDLEByReference token);
    }

    /** Not in jna-platform 5.19: userenv's environment block. */
    interface Userenv extends StdCallLibrary {
        boolean CreateEnvironmentBlock(PointerByReference environment, WinNT.HANDLE token, boolean inherit);

        boolean DestroyEnvironmentBlock(Pointer environment);
    }

    /** jna-platform's CreateProcessAsUser takes the environment as a String; a block is a pointer. */
    interface Advapi extends StdCallLibrary {
        boolean CreateProcessAsUserW(WinNT.HANDLE token, WString application, char[] commandLine,
                                     WinBase.SECURITY_ATTRIBUTES process, WinBase.SECURITY_ATTRIBUTES thread,
                                     boolean inheritHandles, int flags, Pointer environment, WString directory,
                                     WinBase.STARTUPINFO startup, WinBase.PROCESS_INFORMATION info);
    }

    private final Wts wts = Native.load("wtsapi32", Wts.class);
    private final Userenv userenv = Native.load("userenv", Userenv.class);
    private final Advapi advapi = Native.load("advapi32", Advapi.class);

    @Override
    public List<WtsSession> sessions() {
        Wtsapi32 w = Wtsapi32.INSTANCE;
        PointerByReference buffer = new PointerByReference();
        IntByReference count = new IntByReference();
        if (!w.WTSEnumerateSessions(Wtsapi32.WTS_CURRENT_SERVER_HANDLE, 0, 1, buffer, count)) {
            throw new Win32CallException("WTSEnumerateSessionsW", Kernel32.INSTANCE.GetLastError());
        }
        try {
            List<WtsSession> out = new ArrayList<>();
            if (count.getValue() == 0) {
                return out;
            }
            Wtsapi32.WTS_SESSION_INFO first = new Wtsapi32.WTS_SESSION_INFO(buffer.getValue());
            for (Wtsapi32.WTS_SESSION_INFO s : (Wtsapi32.WTS_SESSION_INFO[]) first.toArray(count.getValue())) {
                out.add(new WtsSession(s.SessionId, s.pWinStationName, s.State,
                        info(s.SessionId, Wtsapi32.WTS_INFO_CLASS.WTSUserName),
                        info(s.SessionId, Wtsapi32.WTS_INFO_CLASS.WTSDomainName)));
            }
            return out;
        } finally {
            w.WTSFreeMemory(buffer.getValue());
        }
    }

    private static String info(int session, int infoClass) {
        PointerByReference buffer = new PointerByReference();
        IntByReference bytes = new IntByReference();
        if (!Wtsapi32.INSTANCE.WTSQuerySessionInformation(Wtsapi32.WTS_CURRENT_SERVER_HANDLE, session, infoClass,
                buffer, bytes)) {
            return ""; // a session ending meanwhile: no user to start anything for
        }
        try {
            return buffer.getValue() == null ? "" : buffer.getValue().getWideString(0);
        } finally {
            Wtsapi32.INSTANCE.WTSFreeMemory(buffer.getValue());
        }
    }

    @Override
    public long startAsSessionUser(int sessionId, String application, String commandLine) {
        Kernel32 k = Kernel32.INSTANCE;
        WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
        if (!wts.WTSQueryUserToken(sessionId, token)) {
            throw new Win32CallException("WTSQueryUserToken", k.GetLastError());
        }
        PointerByReference environment = new PointerByReference();
        try {
            if (!userenv.CreateEnvironmentBlock(environment, token.getValue(), false)) {
                throw new Win32CallException("CreateEnvironmentBlock", k.GetLastError());
            }
            WinBase.STARTUPINFO startup = new WinBase.STARTUPINFO();
            startup.lpDesktop = "winsta0\\default"; // the interactive desktop, not the service's hidden one
            WinBase.PROCESS_INFORMATION info = new WinBase.PROCESS_INFORMATION();
            Path folder = Path.of(application).getParent();
            if (!advapi.CreateProcessAsUserW(token.getValue(), new WString(application), Native.toCharArray(commandLine),
                    null, null, false, CREATE_UNICODE_ENVIRONMENT, environment.getValue(),
                    folder == null ? null : new WString(folder.toString()), startup, info)) {
                throw new Win32CallException("CreateProcessAsUserW", k.GetLastError());
            }
            k.CloseHandle(info.hThread);
            k.CloseHandle(info.hProcess);
            return info.dwProcessId.longValue();
        } finally {
            if (environment.getValue() != null) {
                userenv.DestroyEnvironmentBlock(environment.getValue());
            }
            k.CloseHandle(token.getValue());
        }
    }
}
