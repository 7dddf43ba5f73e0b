package org.secrecyguard.platform.windows;

import java.io.IOException;

/** A Win32 call on a named pipe failed: which call, and its GetLastError code. */
public final class PipeCallException extends IOException {
    static final int ERROR_FILE_NOT_FOUND = 2;
    static final int ERROR_ACCESS_DENIED = 5;
    static final int ERROR_INVALID_PARAMETER = 87;
    static final int ERROR_BROKEN_PIPE = 109;
    static final int ERROR_PIPE_BUSY = 231;
    static final int ERROR_NO_DATA = 232;
    static final int ERROR_PIPE_NOT_CONNECTED = 233;
    static final int ERROR_PIPE_CONNECTED = 535;
    static final int ERROR_OPERATION_ABORTED = 995;
    static final int ERROR_IO_PENDING = 997;

    private final String call;
    private final int error;

    public PipeCallException(String call, int error) {
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

    /** The other end is gone (closed, disconnected): an end of stream, not a fault. */
    boolean peerGone() {
        return error == ERROR_BROKEN_PIPE || error == ERROR_NO_DATA || error == ERROR_PIPE_NOT_CONNECTED;
    }
}
