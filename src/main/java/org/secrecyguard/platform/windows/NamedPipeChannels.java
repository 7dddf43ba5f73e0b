package org.secrecyguard.platform.windows;

import java.io.IOException;
import java.util.function.Supplier;
import org.secrecyguard.platform.LocalChannel;
import org.secrecyguard.platform.PeerServer;
import org.secrecyguard.platform.ServiceChannels;

/**
 * The service's link to the tray apps on Windows: a named pipe ({@link PipeName}) instead of the Unix
 * socket, because the JDK reads no peer credentials of an AF_UNIX socket on Windows. The service's end
 * is a {@link NamedPipeServer}; a tray app opens the pipe with CreateFileW asking for exactly
 * {@link PipeSecurity#CLIENT_ACCESS}, at identification impersonation level only, and refuses a pipe not
 * served from session 0 (a user's process that got the name first cannot be there).
 *
 * <p>The Win32 glue ({@link Win32Pipes}) is made at the first {@link #listen} or {@link #connect}, so
 * choosing these channels loads nothing native. <b>Never run on Windows</b>: the logic is tested on
 * Linux with the calls answered from memory.
 */
public final class NamedPipeChannels implements ServiceChannels {
    /** How long a tray app waits for a free instance when all are busy (the service makes one at once). */
    static final int BUSY_WAIT_MILLIS = 2000;
    private static final int BUSY_ATTEMPTS = 3;

    private final Supplier<PipeApi> glue;
    private volatile PipeApi api;

    public NamedPipeChannels() {
        this(Win32Pipes::new);
    }

    NamedPipeChannels(Supplier<PipeApi> glue) {
        this.glue = glue;
    }

    private PipeApi api() {
        PipeApi a = api;
        if (a == null) {
            synchronized (this) {
                if (api == null) {
                    api = glue.get();
                }
                a = api;
            }
        }
        return a;
    }

    @Override
    public PeerServer listen(String address) throws IOException {
        return NamedPipeServer.open(api(), PipeName.of(address));
    }

    @Override
    public LocalChannel connect(String address) throws IOException {
        PipeApi a = api();
        String name = PipeName.of(address);
        long pipe = open(a, name);
        try {
            int session = a.serverSessionId(pipe);
            if (session != 0) {
                throw new IOException(name + " is served from session " + session + ", not by the guard service "
                        + "(session 0): refused");
            }
        } catch (IOException e) {
            a.close(pipe);
            throw e;
        }
        return new PipeChannel(a, pipe);
    }

    private static long open(PipeApi a, String name) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return a.openClient(name, PipeSecurity.CLIENT_ACCESS);
            } catch (PipeCallException e) {
                if (e.error() == PipeCallException.ERROR_FILE_NOT_FOUND) {
                    throw new IOException("no guard service listens on " + name, e);
                }
                if (e.error() != PipeCallException.ERROR_PIPE_BUSY || attempt == BUSY_ATTEMPTS) {
                    throw e;
                }
                a.waitForInstance(name, BUSY_WAIT_MILLIS); // then try again, whatever it says: it races too
            }
        }
    }
}
