package org.secrecyguard.platform.windows;

/**
 * The Win32 calls a named pipe between the service and the tray apps needs, as a seam: the glue
 * ({@link Win32Pipes}) makes them, tests answer from memory. Handles are the HANDLE values as longs.
 * Every blocking call is overlapped inside the glue, so {@link #cancel} from another thread ends it
 * (a synchronous pipe handle would let a pending read hold up every write on it).
 */
interface PipeApi {
    /**
     * CreateNamedPipeW: one more server instance of {@code name}, duplex, byte mode, remote clients
     * rejected, with the security descriptor of {@code sddl}.
     *
     * @param first FILE_FLAG_FIRST_PIPE_INSTANCE: fail if anyone (a squatter) holds the name already
     */
    long createServer(String name, boolean first, String sddl) throws PipeCallException;

    /** ConnectNamedPipe: waits for a client on this instance (ERROR_PIPE_CONNECTED counts as connected). */
    void awaitClient(long pipe) throws PipeCallException;

    /** GetNamedPipeClientProcessId. */
    int clientProcessId(long pipe) throws PipeCallException;

    /** GetNamedPipeClientSessionId: the session the pipe's client end was opened from. */
    int clientSessionId(long pipe) throws PipeCallException;

    /**
     * GetNamedPipeServerSessionId: a tray app checks that its pipe is served from session 0, where only
     * services run (a user's squatting process cannot be there).
     */
    int serverSessionId(long pipe) throws PipeCallException;

    /** ProcessIdToSessionId. */
    int sessionOf(int pid) throws PipeCallException;

    /** OpenProcess + OpenProcessToken + GetTokenInformation(TokenUser) + LookupAccountSid. */
    TokenUser userOf(int pid) throws PipeCallException;

    /** CreateFileW on the pipe with exactly {@code access} (no GENERIC_WRITE: see {@link PipeSecurity}). */
    long openClient(String name, int access) throws PipeCallException;

    /** WaitNamedPipeW: true when an instance became free within {@code millis}. */
    boolean waitForInstance(String name, int millis);

    /** ReadFile: at most {@code len} bytes, at least one; -1 when the other end is gone. */
    int read(long pipe, byte[] buffer, int offset, int len) throws PipeCallException;

    /** WriteFile of all {@code len} bytes. */
    void write(long pipe, byte[] buffer, int offset, int len) throws PipeCallException;

    /** CancelIoEx(pipe, NULL): every pending call on the handle ends with ERROR_OPERATION_ABORTED. */
    void cancel(long pipe);

    /** CloseHandle. */
    void close(long pipe);

    /**
     * A process token's user.
     *
     * @param sid     the SID as a string ("S-1-5-21-…")
     * @param account "DOMAIN\name", or null when LookupAccountSid could not name the SID
     */
    record TokenUser(String sid, String account) {
    }
}
