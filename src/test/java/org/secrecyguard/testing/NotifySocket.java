package org.secrecyguard.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real Unix datagram socket standing in for systemd's notification socket (Java 17 cannot bind one, so
 * python3 does): each datagram is one message, newlines shown as '|', with the sender's pid from
 * SO_PASSCRED, which is what systemd's NotifyAccess=main compares with the service's main pid.
 */
public final class NotifySocket implements AutoCloseable {
    private static final String LISTENER = """
            import socket, struct, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
            s.bind(sys.argv[1])
            print("bound", flush=True)
            while True:
                m, anc, _, _ = s.recvmsg(4096, socket.CMSG_SPACE(12))
                pid = next((struct.unpack("3i", d[:12])[0] for l, t, d in anc if t == socket.SCM_CREDENTIALS), 0)
                print(pid, m.decode().replace("\\n", "|"), flush=True)
            """;

    /** One datagram: who sent it and what it said. */
    public record Message(long pid, String text) {
    }

    private final Path path;
    private final Process listener;
    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();

    public NotifySocket(Path path) throws IOException {
        this.path = path;
        this.listener = new ProcessBuilder("python3", "-c", LISTENER, path.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8));
        if (!"bound".equals(lines.readLine())) {
            throw new IOException("notification socket listener did not start (python3 missing? run installer/install-deps.sh)");
        }
        Thread reader = new Thread(() -> {
            try {
                lines.lines().forEach(l -> {
                    int space = l.indexOf(' ');
                    received.add(new Message(Long.parseLong(l.substring(0, space)), l.substring(space + 1)));
                });
            } catch (java.io.UncheckedIOException closed) {
                // close() ended the listener: its stream goes with it. Uncaught, this would surface as a
                // "delayed exception" in whichever TestFX test runs next.
            }
        }, "notify-socket-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public Path path() {
        return path;
    }

    /** The next message, or null after {@code millis}. */
    public Message next(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        listener.destroy();
    }
}
