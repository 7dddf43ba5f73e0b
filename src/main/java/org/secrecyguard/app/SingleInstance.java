package org.secrecyguard.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps one guard per user session: the first instance holds a file lock in the user's data folder
 * and listens on a loopback port (written next to the lock with a random token); a second start finds
 * the lock taken, asks the first to show its window and exits. The token keeps other local users'
 * programs from poking the guard.
 */
public final class SingleInstance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SingleInstance.class.getName());
    static final String LOCK = "instance.lock";
    static final String PORT = "instance.port";

    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;
    private final Path portFile;

    private SingleInstance(FileChannel channel, FileLock lock, ServerSocket server, Path portFile) {
        this.channel = channel;
        this.lock = lock;
        this.server = server;
        this.portFile = portFile;
    }

    /**
     * Becomes the one instance, or returns empty when another holds the lock (after asking it to show
     * its window).
     *
     * @param onShowRequest run (on a listener thread) when a later start asks to be shown
     */
    public static Optional<SingleInstance> acquire(Path dataDir, Runnable onShowRequest) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel ch = FileChannel.open(dataDir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this very JVM (tests starting twice)
        }
        if (lock == null) {
            ch.close();
            signalShow(dataDir);
            return Optional.empty();
        }
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        byte[] t = new byte[16];
        new SecureRandom().nextBytes(t);
        String token = HexFormat.of().formatHex(t);
        Path portFile = dataDir.resolve(PORT);
        Files.writeString(portFile, server.getLocalPort() + " " + token, StandardCharsets.US_ASCII);
        Thread listener = new Thread(() -> listen(server, token, onShowRequest), "single-instance");
        listener.setDaemon(true);
        listener.start();
        return Optional.of(new SingleInstance(ch, lock, server, portFile));
    }

    private static void listen(ServerSocket server, String token, Runnable onShowRequest) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(2000);
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                if (("SHOW " + token).equals(line)) {
                    onShowRequest.run();
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(Level.FINE, "single-instance request failed", e);
                }
            }
        }
    }

    /** Tells the running instance to show its window; false when it cannot be reached. */
    static boolean signalShow(Path dataDir) {
        try {
            String[] parts = Files.readString(dataDir.resolve(PORT), StandardCharsets.US_ASCII).trim().split(" ");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(parts[0])), 2000);
                OutputStream out = s.getOutputStream();
                out.write(("SHOW " + parts[1] + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return true;
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "running instance not reachable", e);
            return false;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(portFile);
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "single-instance release failed", e);
        }
    }
}
