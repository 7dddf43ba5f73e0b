package org.secrecyguard.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A raw-socket HTTP front on 127.0.0.1 that misbehaves on cue before passing requests to a real collector:
 * it answers 500, never answers, cuts the connection while the request is still arriving, or lets the
 * collector store the batch and then cuts the connection before the answer arrives. It records every
 * body it received, so tests can inspect what went over the wire.
 */
final class FaultyFront implements AutoCloseable {
    enum Mode { PASS, HTTP_500, TIMEOUT, DROP_MID_REQUEST, STORE_THEN_DROP }

    private final ServerSocket server;
    private final URI backend;
    private final Deque<Mode> script;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final List<String> receivedBodies = new CopyOnWriteArrayList<>();
    final List<Mode> modesUsed = new CopyOnWriteArrayList<>();
    final Map<UUID, Integer> forwarded = new ConcurrentHashMap<>();
    private volatile boolean closed;

    FaultyFront(int port, URI backend, List<Mode> script) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.backend = backend;
        this.script = new ArrayDeque<>(script);
        Thread t = new Thread(this::acceptLoop, "faulty-front");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/events");
    }

    /** UUIDs the collector received more than once (retries after a lost answer). */
    long duplicatesForwarded() {
        return forwarded.values().stream().filter(n -> n > 1).count();
    }

    private synchronized Mode nextMode() {
        Mode m = script.isEmpty() ? Mode.PASS : script.poll();
        modesUsed.add(m);
        return m;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> handle(s), "faulty-front-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket s) {
        try (s) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            int length = contentLength(head);
            Mode mode = nextMode();
            if (mode == Mode.DROP_MID_REQUEST) {
                in.readNBytes(Math.max(0, length / 2));
                s.setSoLinger(true, 0); // reset, like a crashed server or a broken link
                return;
            }
            byte[] body = in.readNBytes(length);
            String text = new String(body, StandardCharsets.UTF_8);
            receivedBodies.add(text);
            OutputStream out = s.getOutputStream();
            switch (mode) {
                case HTTP_500 -> respond(out, 500, "{\"error\":\"boom\"}".getBytes(StandardCharsets.UTF_8), false);
                case TIMEOUT -> {
                    try {
                        while (in.read() >= 0) {
                            // hold the connection until the client gives up
                        }
                    } catch (IOException ignored) {
                        // client went away
                    }
                }
                case PASS, STORE_THEN_DROP -> {
                    byte[] answer = forward(text);
                    respond(out, 200, answer, mode == Mode.STORE_THEN_DROP);
                }
                default -> throw new IllegalStateException();
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up; nothing to do
        }
    }

    private byte[] forward(String body) throws IOException, InterruptedException {
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                forwarded.merge(EventJson.read(line).id(), 1, Integer::sum);
            }
        }
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(backend)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.body();
    }

    private static void respond(OutputStream out, int status, byte[] body, boolean cutHalfWay) throws IOException {
        String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Internal Server Error") + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, cutHalfWay ? body.length / 2 : body.length);
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            buf.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return buf.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }

    /** A port nobody listens on right now (for the "collector is down" phase). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
