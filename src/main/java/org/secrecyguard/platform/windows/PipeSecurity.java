package org.secrecyguard.platform.windows;

/**
 * Who may do what with the service's pipe, as an SDDL string for CreateNamedPipeW. Local SYSTEM (the
 * service) has full control, and so alone may create further server instances; Authenticated Users may
 * read and write data as clients and nothing else; network logons are denied outright (on top of
 * PIPE_REJECT_REMOTE_CLIENTS).
 *
 * <p>The non-obvious part: FILE_CREATE_PIPE_INSTANCE is the same bit as FILE_APPEND_DATA, so the usual
 * "GRGW" grant (GENERIC_WRITE maps to FILE_GENERIC_WRITE) would let any user start a server instance
 * of our pipe and have tray apps connect to it. Users get a plain mask instead, and clients open the
 * pipe asking for exactly {@link #CLIENT_ACCESS}: a GENERIC_WRITE open (Java's RandomAccessFile "rw")
 * would be refused with ERROR_ACCESS_DENIED, which is why the tray side opens it through CreateFileW.
 */
final class PipeSecurity {
    static final int FILE_READ_DATA = 0x0001;
    static final int FILE_WRITE_DATA = 0x0002;
    static final int FILE_CREATE_PIPE_INSTANCE = 0x0004;
    static final int FILE_READ_ATTRIBUTES = 0x0080;
    static final int SYNCHRONIZE = 0x0010_0000;

    /** What a tray app asks for when it opens the pipe. */
    static final int CLIENT_ACCESS = FILE_READ_DATA | FILE_WRITE_DATA | FILE_READ_ATTRIBUTES | SYNCHRONIZE;
    /** What Authenticated Users are granted: the client's access, not one right more. */
    static final int USERS_ACCESS = CLIENT_ACCESS;

    private PipeSecurity() {
    }

    /**
     * Owner and group SYSTEM; a protected DACL (nothing inherited): deny network logons everything,
     * SYSTEM all, Authenticated Users {@link #USERS_ACCESS}.
     */
    static String sddl() {
        return "O:SYG:SYD:P(D;;GA;;;NU)(A;;GA;;;SY)(A;;" + String.format("0x%08x", USERS_ACCESS) + ";;;AU)";
    }
}
