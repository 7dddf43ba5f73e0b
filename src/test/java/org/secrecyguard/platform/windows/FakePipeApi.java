package org.secrecyguard.platform.windows;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named pipes in memory, answering {@link PipeApi} as Windows documents it: instances of a name,
 * clients paired with a free instance (ERROR_PIPE_BUSY when none), CancelIoEx ending pending calls with
 * ERROR_OPERATION_ABORTED, a write to a closed peer failing with ERROR_NO_DATA, a read from one ending.
 * Processes (session, token user) are a table the test fills. Every call is recorded, and any call on a
 * handle after its CloseHandle is recorded as a violation: Windows reuses handle values, so such a call
 * would hit some other object.
 */
final class FakePipeApi implements PipeApi {
    final List<String> calls = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    private final List<Long> serverHandles = new ArrayList<>();
    private final List<Long> clientHandles = new ArrayList<>();
    final Map<Integer, Integer> sessions = new HashMap<>();
    final Map<Integer, TokenUser> users = new HashMap<>();
    final Set<String> takenNames = new HashSet<>();
    /** A one-shot failure of a named call with a GetLastError code. */
    final Map<String, Integer> failOnce = new HashMap<>();
    int serverSession = 0;
    private final Map<Long, End> ends = new HashMap<>();
    private long nextHandle = 0x100;
    private int clientPid;
    private int clientSession;

    private final class End {
        final long handle;
        final String name;
        final boolean server;
        End peer;
        int pid;
        int session;
        boolean closed;
        int cancels;
        /** Calls waiting inside on this handle: closing it under them is what Windows must never see. */
        int pending;
        final ByteArrayOutputStream incoming = new ByteArrayOutputStream();

        End(String name, boolean server) {
            this.handle = nextHandle += 4;
            this.name = name;
            this.server = server;
        }
    }

    /** Who the next client to open a pipe is. */
    synchronized FakePipeApi nextClient(int pid, int pipeSession) {
        this.clientPid = pid;
        this.clientSession = pipeSession;
        return this;
    }

    synchronized FakePipeApi process(int pid, int session, String sid, String account) {
        sessions.put(pid, session);
        users.put(pid, new TokenUser(sid, account));
        return this;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The server instances' handles, in the order they were created. */
    synchronized List<Long> serverHandles() {
        return List.copyOf(serverHandles);
    }

    /** The clients' handles, in the order they were opened. */
    synchronized List<Long> clientHandles() {
        return List.copyOf(clientHandles);
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized long openServerInstances() {
        return ends.values().stream().filter(e -> e.server && !e.closed).count();
    }

    synchronized long closes(long handle) {
        return calls.stream().filter(c -> c.equals("CloseHandle " + handle)).count();
    }

    private void fail(String call) throws PipeCallException {
        Integer error = failOnce.remove(call);
        if (error != null) {
            throw new PipeCallException(call, error);
        }
    }

    private End live(String call, long handle) throws PipeCallException {
        calls.add(call + " " + handle);
        End e = ends.get(handle);
        if (e == null || e.closed) {
            violations.add(call + " on closed handle " + handle);
            throw new PipeCallException(call, 6); // ERROR_INVALID_HANDLE
        }
        return e;
    }

    private void await(End e, int cancelsAtStart, String call) throws PipeCallException {
        try {
            wait(5);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new PipeCallException(call, PipeCallException.ERROR_OPERATION_ABORTED);
        }
        if (e.cancels != cancelsAtStart) {
            throw new PipeCallException(call, PipeCallException.ERROR_OPERATION_ABORTED);
        }
    }

    @Override
    public synchronized long createServer(String name, boolean first, String sddl) throws PipeCallException {
        calls.add("CreateNamedPipeW " + name + (first ? " first" : ""));
        fail("CreateNamedPipeW");
        if (first && takenNames.contains(name)) {
            throw new PipeCallException("CreateNamedPipeW", PipeCallException.ERROR_ACCESS_DENIED);
        }
        takenNames.add(name);
        End e = new End(name, true);
        ends.put(e.handle, e);
        serverHandles.add(e.handle);
        return e.handle;
    }

    @Override
    public synchronized void awaitClient(long pipe) throws PipeCallException {
        End e = live("ConnectNamedPipe", pipe);
        fail("ConnectNamedPipe");
        int cancels = e.cancels;
        e.pending++;
        try {
            while (e.peer == null) {
                await(e, cancels, "ConnectNamedPipe");
            }
        } finally {
            e.pending--;
        }
    }

    @Override
    public synchronized int clientProcessId(long pipe) throws PipeCallException {
        End e = live("GetNamedPipeClientProcessId", pipe);
        fail("GetNamedPipeClientProcessId");
        return e.peer.pid;
    }

    @Override
    public synchronized int clientSessionId(long pipe) throws PipeCallException {
        End e = live("GetNamedPipeClientSessionId", pipe);
        fail("GetNamedPipeClientSessionId");
        return e.peer.session;
    }

    @Override
    public synchronized int serverSessionId(long pipe) throws PipeCallException {
        live("GetNamedPipeServerSessionId", pipe);
        fail("GetNamedPipeServerSessionId");
        return serverSession;
    }

    @Override
    public synchronized int sessionOf(int pid) throws PipeCallException {
        return ofProcess("ProcessIdToSessionId", sessions, pid);
    }

    @Override
    public synchronized TokenUser userOf(int pid) throws PipeCallException {
        return ofProcess("OpenProcess", users, pid);
    }

    /** What a call about a process gives: the recorded value, or ERROR_INVALID_PARAMETER for an unknown pid. */
    private <T> T ofProcess(String call, Map<Integer, T> known, int pid) throws PipeCallException {
        calls.add(call + " " + pid);
        fail(call);
        T value = known.get(pid);
        if (value == null) {
            throw new PipeCallException(call, PipeCallException.ERROR_INVALID_PARAMETER);
        }
        return value;
    }

    @Override
    public synchronized long openClient(String name, int access) throws PipeCallException {
        calls.add("CreateFileW " + name + " " + String.format("0x%08x", access));
        fail("CreateFileW");
        if (!takenNames.contains(name) || ends.values().stream().noneMatch(e -> e.server && e.name.equals(name)
                && !e.closed)) {
            throw new PipeCallException("CreateFileW", PipeCallException.ERROR_FILE_NOT_FOUND);
        }
        End free = ends.values().stream().filter(e -> e.server && e.name.equals(name) && !e.closed && e.peer == null)
                .findFirst().orElse(null);
        if (free == null) {
            throw new PipeCallException("CreateFileW", PipeCallException.ERROR_PIPE_BUSY);
        }
        End client = new End(name, false);
        client.pid = clientPid;
        client.session = clientSession;
        client.peer = free;
        free.peer = client;
        ends.put(client.handle, client);
        clientHandles.add(client.handle);
        notifyAll();
        return client.handle;
    }

    @Override
    public synchronized boolean waitForInstance(String name, int millis) {
        calls.add("WaitNamedPipeW " + name);
        return false;
    }

    @Override
    public synchronized int read(long pipe, byte[] buffer, int offset, int len) throws PipeCallException {
        End e = live("ReadFile", pipe);
        fail("ReadFile");
        int cancels = e.cancels;
        e.pending++;
        try {
            while (e.incoming.size() == 0) {
                if (e.peer == null || e.peer.closed) {
                    return -1; // ERROR_BROKEN_PIPE: the glue says end of stream
                }
                await(e, cancels, "ReadFile");
            }
        } finally {
            e.pending--;
        }
        byte[] all = e.incoming.toByteArray();
        int n = Math.min(len, all.length);
        System.arraycopy(all, 0, buffer, offset, n);
        e.incoming.reset();
        e.incoming.write(all, n, all.length - n);
        return n;
    }

    @Override
    public synchronized void write(long pipe, byte[] buffer, int offset, int len) throws PipeCallException {
        End e = live("WriteFile", pipe);
        fail("WriteFile");
        if (e.peer == null || e.peer.closed) {
            throw new PipeCallException("WriteFile", PipeCallException.ERROR_NO_DATA);
        }
        e.peer.incoming.write(buffer, offset, len);
        notifyAll();
    }

    @Override
    public synchronized void cancel(long pipe) {
        calls.add("CancelIoEx " + pipe);
        End e = ends.get(pipe);
        if (e == null || e.closed) {
            violations.add("CancelIoEx on closed handle " + pipe);
            return;
        }
        e.cancels++;
        notifyAll();
    }

    @Override
    public synchronized void close(long pipe) {
        calls.add("CloseHandle " + pipe);
        End e = ends.get(pipe);
        if (e == null || e.closed) {
            violations.add("CloseHandle on closed handle " + pipe);
            return;
        }
        if (e.pending > 0) {
            violations.add("CloseHandle " + pipe + " under a pending call");
        }
        e.closed = true;
        notifyAll();
    }
}
