package org.secrecyguard.platform.windows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.secrecyguard.platform.LocalChannel;

/**
 * One end of a connected pipe as two streams. Reads and writes run at once (the glue is overlapped);
 * {@link #close()} cancels what is pending and closes the handle only once no call is using it, so a
 * closed handle's value, which Windows reuses, is never read or written by a late call.
 */
class PipeChannel implements LocalChannel {
    private final PipeApi api;
    private final long pipe;
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final InputStream input = new Input();
    private final OutputStream output = new Output();

    PipeChannel(PipeApi api, long pipe) {
        this.api = api;
        this.pipe = pipe;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        PipeHandles.cancelAndClose(api, pipe, inUse);
    }

    private interface Call {
        int run() throws PipeCallException;
    }

    private int use(Call call) throws IOException {
        Lock one = inUse.readLock();
        one.lock();
        try {
            if (closed.get()) {
                throw new IOException("pipe closed");
            }
            return call.run();
        } catch (PipeCallException e) {
            if (closed.get()) {
                throw new IOException("pipe closed", e);
            }
            throw e;
        } finally {
            one.unlock();
        }
    }

    private final class Input extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            return use(() -> api.read(pipe, b, off, len));
        }
    }

    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len > 0) {
                use(() -> {
                    api.write(pipe, b, off, len);
                    return len;
                });
            }
        }
    }
}
