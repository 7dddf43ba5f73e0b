package org.secrecyguard.onaccess;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.channel.GuardAlert;
import org.secrecyguard.channel.UserNotifier;
import org.secrecyguard.platform.PeerConnection;
import org.secrecyguard.platform.PeerServer;
import org.secrecyguard.platform.Platforms;

/**
 * The service's end of the link the users' tray apps connect to: the protocol ({@link AlertWire} lines,
 * hello and bye, presence, override questions) over whatever {@link PeerServer} this OS has (a Unix
 * socket on Linux, a named pipe on Windows). Anyone may connect, but who connected is taken from the
 * OS (SO_PEERCRED, the pipe client's process token), never from what the client says: a user's tray app
 * receives only the alerts about that user's processes, and only its answer can override them. A user
 * with no tray app connected gets no popup; the service enforces and logs all the same, and an override
 * question is answered "no" at once.
 */
public final class TrayLink implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TrayLink.class.getName());
    /** How long an override question waits for the user before the block simply stands. */
    static final Duration ANSWER_WAIT = Duration.ofMinutes(5);

    /** After a failed accept: a server that fails every time must not spin. */
    private static final long RETRY_MILLIS = 100;

    private final PeerServer server;
    private final Map<String, List<Connection>> byUser = new ConcurrentHashMap<>();
    private final Map<Long, Question> questions = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastHello = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Presence presence = new Presence() {
    };

    /** Told when a user's first tray app connects and when the last one goes (on the link's threads). */
    public interface Presence {
        default void arrived(String user) {
        }

        /** @param saidBye the tray app ended on purpose; otherwise it was killed or crashed */
        default void left(String user, boolean saidBye) {
        }
    }

    /** Who is told of tray apps coming and going (the tamper watch). */
    public void watch(Presence presence) {
        this.presence = presence;
    }
    private final Thread acceptor;

    private TrayLink(PeerServer server) {
        this.server = server;
        this.acceptor = new Thread(this::accept, "tray-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Serves the tray apps that connect to {@code server} (closed with this link). */
    public static TrayLink on(PeerServer server) {
        return new TrayLink(server);
    }

    /**
     * Listens at {@code socket} with this OS's channels (Linux: the socket file, a stale one from an
     * earlier run replaced; Windows: the pipe it names, see platform.windows.PipeName).
     */
    public static TrayLink open(Path socket) throws IOException {
        return on(Platforms.serviceChannels().listen(socket.toString()));
    }

    /** The popups of one user, delivered to that user's connected tray apps. */
    public UserNotifier forUser(String user) {
        return new UserNotifier() {
            @Override
            public void warn(GuardAlert alert) {
                send(user, "warn", alert, ids.incrementAndGet());
            }

            @Override
            public void blocked(GuardAlert alert) {
                send(user, "block", alert, ids.incrementAndGet());
            }

            @Override
            public CompletableFuture<Optional<String>> askOverride(GuardAlert alert) {
                long id = ids.incrementAndGet();
                Question q = new Question(user, new CompletableFuture<>());
                questions.put(id, q);
                q.answer().orTimeout(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                        .whenComplete((r, e) -> questions.remove(id));
                if (send(user, "override", alert, id) == 0) {
                    q.answer().complete(Optional.empty());
                }
                return q.answer().exceptionally(e -> Optional.empty());
            }
        };
    }

    /** True while at least one tray app of the user is connected. */
    public boolean connected(String user) {
        return !byUser.getOrDefault(user, List.of()).isEmpty();
    }

    /** When the user's tray app last said hello, or empty when it never did. */
    public Optional<Instant> lastHello(String user) {
        return Optional.ofNullable(lastHello.get(user));
    }

    /** Sends to every tray app of the user; returns how many got it. */
    private int send(String user, String ask, GuardAlert alert, long id) {
        byte[] line = (AlertWire.alert(id, ask, alert) + "\n").getBytes(StandardCharsets.UTF_8);
        int sent = 0;
        for (Connection c : byUser.getOrDefault(user, List.of())) {
            if (c.send(line)) {
                sent++;
            }
        }
        return sent;
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                PeerConnection ch = server.accept();
                Connection c = new Connection(ch.peer().user(), ch);
                List<Connection> mine = byUser.computeIfAbsent(c.user, u -> new CopyOnWriteArrayList<>());
                mine.add(c);
                if (mine.size() == 1) {
                    presence.arrived(c.user);
                }
                Thread t = new Thread(() -> c.read(), "tray-link-" + c.user);
                t.setDaemon(true);
                t.start();
            } catch (IOException | RuntimeException e) {
                if (server.isOpen()) {
                    LOG.log(Level.WARNING, "tray connection refused on " + server.address(), e);
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answered(String user, JsonNode m) {
        Question q = questions.get(m.path("id").asLong(-1));
        if (q == null || !q.user().equals(user)) {
            return; // another user's question, or one already answered: ignored
        }
        String reason = m.path("reason").isTextual() ? m.path("reason").asText() : null;
        q.answer().complete(Optional.ofNullable(reason));
    }

    @Override
    public void close() {
        server.close();
        byUser.values().forEach(l -> l.forEach(Connection::close));
    }

    private record Question(String user, CompletableFuture<Optional<String>> answer) {
    }

    private final class Connection {
        final String user;
        final PeerConnection channel;
        volatile boolean saidBye;
        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        Connection(String user, PeerConnection channel) {
            this.user = user;
            this.channel = channel;
        }

        synchronized boolean send(byte[] line) {
            try {
                // The transport's output never waits for the reader (PeerConnection's promise).
                OutputStream out = channel.output();
                out.write(line);
                out.flush();
                return true;
            } catch (IOException e) {
                close();
                return false;
            }
        }

        void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(channel.input(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.length() > 8192) {
                        break; // no honest answer is that long
                    }
                    try {
                        JsonNode m = AlertWire.parse(line);
                        switch (m.path("type").asText()) {
                            case "hello" -> lastHello.put(user, Instant.now());
                            case "bye" -> saidBye = true;
                            case "answer" -> answered(user, m);
                            default -> { }
                        }
                    } catch (IllegalArgumentException bad) {
                        break;
                    }
                }
            } catch (IOException e) {
                // the tray app went away
            } finally {
                close();
            }
        }

        void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            List<Connection> list = byUser.get(user);
            if (list != null) {
                list.remove(this);
                if (list.isEmpty() && server.isOpen()) {
                    presence.left(user, saidBye);
                }
            }
            channel.close();
        }
    }
}
