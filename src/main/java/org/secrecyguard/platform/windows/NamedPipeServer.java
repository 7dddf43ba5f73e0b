package org.secrecyguard.platform.windows;

import java.io.IOException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.platform.PeerConnection;
import org.secrecyguard.platform.PeerIdentity;
import org.secrecyguard.platform.PeerServer;

/**
 * The service's named pipe. The first instance is created with FILE_FLAG_FIRST_PIPE_INSTANCE, so a
 * process that took the name before the service started makes the start fail instead of sharing the
 * name; one free instance is kept listening at all times, so the name never lapses for someone else to
 * take. A client is known from the OS: GetNamedPipeClientProcessId, then that process's session and its
 * token's user. A client that cannot be identified is disconnected, not served. The process id is
 * read after the connect, so a client that exits at once could leave its id to another process; the
 * session the pipe itself records (GetNamedPipeClientSessionId) must match the process's, which catches
 * a reuse across sessions but not one within the same session (the window is microseconds, and the
 * reused id would have to belong to another user's process in that session).
 *
 * <p><b>Never run on Windows</b>: written and tested on Linux against {@link PipeApi} answered from memory.
 */
final class NamedPipeServer implements PeerServer {
    private static final Logger LOG = Logger.getLogger(NamedPipeServer.class.getName());

    private final PipeApi api;
    private final String name;
    private final String sddl = PipeSecurity.sddl();
    private final Object lock = new Object();
    /** The free instance waiting for the next client (0: none yet); whoever takes it out closes it. */
    private long listening;
    private volatile boolean open = true;
    /** Held (shared) by an accept while it waits on its instance, so close() knows when the handle is free. */
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();

    private NamedPipeServer(PipeApi api, String name, long first) {
        this.api = api;
        this.name = name;
        this.listening = first;
    }

    /** Creates the pipe's first instance; fails when the name is taken already. */
    static NamedPipeServer open(PipeApi api, String name) throws IOException {
        try {
            return new NamedPipeServer(api, name, api.createServer(name, true, PipeSecurity.sddl()));
        } catch (PipeCallException e) {
            if (e.error() == PipeCallException.ERROR_ACCESS_DENIED) {
                throw new IOException(name + " is held by another process already (an earlier service still "
                        + "running, or a program squatting on the name): not listening", e);
            }
            throw e;
        }
    }

    @Override
    public PeerConnection accept() throws IOException {
        long pipe;
        synchronized (lock) {
            if (!open) {
                throw new IOException(name + " closed");
            }
            if (listening == 0) {
                listening = api.createServer(name, false, sddl);
            }
            pipe = listening;
        }
        Lock waiting = inUse.readLock();
        waiting.lock();
        try {
            if (!open) {
                throw new IOException(name + " closed");
            }
            api.awaitClient(pipe);
        } catch (PipeCallException e) {
            closeIfStillListening(pipe);
            if (!open) {
                throw new IOException(name + " closed", e);
            }
            throw e;
        } finally {
            waiting.unlock();
        }
        synchronized (lock) {
            if (listening != pipe) {
                throw new IOException(name + " closed"); // close() took and closed it meanwhile
            }
            listening = 0;
            try {
                // The next instance before this client is looked at: the name must never lapse.
                listening = api.createServer(name, false, sddl);
            } catch (PipeCallException e) {
                LOG.log(Level.WARNING, "no next instance of " + name + " (the next accept tries again)", e);
            }
        }
        try {
            return new Accepted(api, pipe, identify(pipe));
        } catch (IOException | RuntimeException e) {
            api.close(pipe);
            throw new IOException("tray connection on " + name + " refused: the client is not known ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The client as the OS knows it. */
    private PeerIdentity identify(long pipe) throws IOException {
        int pid = api.clientProcessId(pipe);
        int fromPipe = api.clientSessionId(pipe);
        int fromProcess = api.sessionOf(pid);
        if (fromPipe != fromProcess) {
            // The client process is gone and its id belongs to another process now.
            throw new IOException("process " + Integer.toUnsignedString(pid) + " is in session " + fromProcess
                    + ", but the pipe's client is in session " + fromPipe);
        }
        return peerOf(pid, fromProcess, api.userOf(pid));
    }

    /** The identity of a client: its token's account, or the SID itself when no name is known for it. */
    static PeerIdentity peerOf(int pid, int session, PipeApi.TokenUser user) {
        String account = user.account();
        String name = account != null && !account.isBlank() ? account : user.sid();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a token without a user");
        }
        return new PeerIdentity(name, session, Integer.toUnsignedLong(pid));
    }

    private void closeIfStillListening(long pipe) {
        boolean mine;
        synchronized (lock) {
            mine = listening == pipe;
            if (mine) {
                listening = 0;
            }
        }
        if (mine) {
            api.close(pipe);
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        long pipe;
        synchronized (lock) {
            if (!open) {
                return;
            }
            open = false;
            pipe = listening;
            listening = 0;
        }
        if (pipe == 0) {
            return;
        }
        // A waiting accept ends with ERROR_OPERATION_ABORTED; one about to wait sees open == false.
        PipeHandles.cancelAndClose(api, pipe, inUse);
    }

    @Override
    public String address() {
        return name;
    }

    /** A served client. */
    private static final class Accepted extends PipeChannel implements PeerConnection {
        private final PeerIdentity peer;

        Accepted(PipeApi api, long pipe, PeerIdentity peer) {
            super(api, pipe);
            this.peer = peer;
        }

        @Override
        public PeerIdentity peer() {
            return peer;
        }
    }
}
