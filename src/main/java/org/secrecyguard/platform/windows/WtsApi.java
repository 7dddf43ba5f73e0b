package org.secrecyguard.platform.windows;

import java.util.List;

/**
 * The Win32 calls the service needs to start a program in a user's session, as a seam: the glue
 * ({@link Win32WtsApi}) makes them, tests answer with recorded data.
 */
public interface WtsApi {
    /** The sessions of this PC; throws {@link Win32CallException} when they cannot be listed. */
    List<WtsSession> sessions();

    /**
     * Starts {@code commandLine} as the user logged on to {@code sessionId}, on that session's
     * interactive desktop, with that user's environment; returns the new process id.
     *
     * @param application the program file (lpApplicationName: no search path, no quoting ambiguity)
     * @throws Win32CallException naming the call that failed and its GetLastError code
     */
    long startAsSessionUser(int sessionId, String application, String commandLine);

    /** A failed Win32 call: which one and its GetLastError code. */
    final class Win32CallException extends RuntimeException {
        private final String call;
        private final int error;

        public Win32CallException(String call, int error) {
            super(call + " failed: error " + error);
            this.call = call;
            this.error = error;
        }

        public String call() {
            return call;
        }

        public int error() {
            return error;
        }
    }
}
