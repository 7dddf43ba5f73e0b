package org.secrecyguard.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A {@link PeerServer} in memory, for testing the protocol above the transports: a test "connects" as
 * a given peer identity and gets the client's end; the server accepts the other end with that identity.
 * Each direction is a byte queue: a write never waits for a reader, closing either end ends both.
 */
public final class MemoryLink implements PeerServer {
    private static final Object CLOSED = new Object();
    private final LinkedBlockingQueue<Object> pending = new LinkedBlockingQueue<>();
    private volatile boolean open = true;
    private final java.util.concurrent.atomic.AtomicInteger closedByServer = new java.util.concurrent.atomic.AtomicInteger();

    /** How many accepted connections the server side has closed. */
    public int closedByServer() {
        return closedByServer.get();
    }

    /** The next accept throws this once (a client the OS could not identify). */
    public void refuseNext(IOException why) {
        pending.add(why);
    }

    /** Connects as {@code peer}; returns the client's end. */
    public LocalChannel connect(PeerIdentity peer) {
        Bytes toServer = new Bytes();
        Bytes toClient = new Bytes();
        End client = new End(toClient, toServer, null);
        End server = new End(toServer, toClient, peer);
        pending.add(server);
        return client;
    }

    @Override
    public PeerConnection accept() throws IOException {
        Object next;
        try {
            next = pending.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (next == CLOSED) {
            throw new IOException("closed");
        }
        if (next instanceof IOException refused) {
            throw refused;
        }
        return (PeerConnection) next;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        pending.add(CLOSED);
    }

    @Override
    public String address() {
        return "memory";
    }

    /** One direction: bytes written and not yet read; end of stream once closed and drained. */
    private static final class Bytes {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private byte[] unread = new byte[0];
        private int at;
        private boolean closed;

        synchronized void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("the other end is closed");
            }
            buffer.write(b, off, len);
            notifyAll();
        }

        synchronized int read(byte[] b, int off, int len) throws IOException {
            while (at == unread.length && buffer.size() == 0 && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            if (at == unread.length) {
                if (buffer.size() == 0) {
                    return -1;
                }
                unread = buffer.toByteArray();
                buffer.reset();
                at = 0;
            }
            int n = Math.min(len, unread.length - at);
            System.arraycopy(unread, at, b, off, n);
            at += n;
            return n;
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }
    }

    private final class End implements PeerConnection {
        private final Bytes in;
        private final Bytes out;
        private final PeerIdentity peer;

        End(Bytes in, Bytes out, PeerIdentity peer) {
            this.in = in;
            this.out = out;
            this.peer = peer;
        }

        @Override
        public PeerIdentity peer() {
            return peer;
        }

        @Override
        public InputStream input() {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return len == 0 ? 0 : in.read(b, off, len);
                }
            };
        }

        @Override
        public OutputStream output() {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }
            };
        }

        @Override
        public void close() {
            in.close();
            out.close();
            if (peer != null) {
                closedByServer.incrementAndGet();
            }
        }
    }
}
