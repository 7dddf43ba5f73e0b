package org.secrecyguard.platform.linux;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.secrecyguard.platform.LocalChannel;
import org.secrecyguard.platform.PeerConnection;
import org.secrecyguard.platform.PeerIdentity;
import org.secrecyguard.platform.PeerServer;
import org.secrecyguard.platform.ServiceChannels;

/**
 * The service's socket on Linux (and other Unixes whose JDK has SO_PEERCRED): a Unix domain socket file
 * anyone may connect to (mode 0666), whose peer's user is taken from the kernel (SO_PEERCRED through
 * {@link ExtendedSocketOptions}), never from what the client says.
 */
public final class UnixSocketChannels implements ServiceChannels {
    @Override
    public PeerServer listen(String address) throws IOException {
        Path socket = Path.of(address);
        Files.createDirectories(socket.toAbsolutePath().getParent());
        Files.deleteIfExists(socket); // a stale socket file from an earlier run
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(socket));
        try {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX permissions: the socket file takes its folder's
        }
        return new Server(socket, s);
    }

    @Override
    public LocalChannel connect(String address) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(Path.of(address)));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new Socket(ch);
    }

    private record Server(Path socket, ServerSocketChannel channel) implements PeerServer {
        @Override
        public PeerConnection accept() throws IOException {
            SocketChannel ch = channel.accept();
            try {
                UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
                return new Accepted(ch, PeerIdentity.user(peer.user().getName()));
            } catch (IOException | RuntimeException e) {
                ch.close(); // not identified: not served
                throw e instanceof IOException io ? io : new IOException("peer of a tray connection unknown", e);
            }
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                // a stale socket is replaced at the next start
            }
        }

        @Override
        public String address() {
            return socket.toString();
        }
    }

    private static class Socket implements LocalChannel {
        private final SocketChannel channel;
        private final InputStream input;
        private final OutputStream output;

        Socket(SocketChannel channel) {
            this.channel = channel;
            this.input = Channels.newInputStream(channel);
            this.output = new ChannelWriter(channel);
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
            try {
                channel.close();
            } catch (IOException e) {
                // gone already
            }
        }
    }

    private static final class Accepted extends Socket implements PeerConnection {
        private final PeerIdentity peer;

        Accepted(SocketChannel channel, PeerIdentity peer) {
            super(channel);
            this.peer = peer;
        }

        @Override
        public PeerIdentity peer() {
            return peer;
        }
    }

    /** Writes straight to the channel (Channels.newOutputStream shares the blocking lock with the reader). */
    private static final class ChannelWriter extends OutputStream {
        private final SocketChannel channel;

        ChannelWriter(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        }
    }
}
