package org.secrecyguard.events.collect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/**
 * The reference event collector: {@code POST /events} with an NDJSON body stores the events (idempotent
 * by UUID) and answers {@code {"stored":[uuid,...],"added":n,"rejected":[{"line":n,"reason":"…"}]}}.
 * Every stored UUID is listed, including ones already held, because all of them are safe for the agent
 * to mark as sent; the answer is given only after the store has committed. Bodies over the size limit
 * get 413 without being read; {@code GET /health} answers "ok".
 *
 * <p>It does not authenticate agents (put it behind the unit's network controls or a TLS-terminating
 * proxy with client certificates); it is a reference, small enough to audit.
 */
public final class EventCollector implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventCollector.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        // The JDK server waits forever for a slow client unless told otherwise (read once, at first use).
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "120");
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "120");
        }
    }

    /**
     * @param maxBodyBytes largest request body accepted
     * @param maxLineBytes largest single event line
     * @param maxEvents    most events in one request
     */
    public record Limits(long maxBodyBytes, int maxLineBytes, int maxEvents) {
        public static Limits defaults() {
            return new Limits(16L << 20, 64 << 10, 20_000);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final CollectorStore store;
    private final Limits limits;
    private final boolean tls;
    private final AgentTokens tokens;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;

    private EventCollector(HttpServer server, ExecutorService executor, CollectorStore store, Limits limits,
                           boolean tls, AgentTokens tokens) {
        this.tokens = tokens;
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.limits = limits;
        this.tls = tls;
    }

    /**
     * Starts listening on {@code listen} (port 0 picks a free port), over TLS when {@code tls} is given.
     * The store stays owned by the caller.
     */
    public static EventCollector start(InetSocketAddress listen, CollectorStore store, SSLContext tls, Limits limits)
            throws IOException {
        return start(listen, store, tls, limits, null);
    }

    /**
     * As {@link #start(InetSocketAddress, CollectorStore, SSLContext, Limits)}, taking events only from
     * agents that present one of {@code tokens} (null: from anyone, as on a test bench).
     */
    public static EventCollector start(InetSocketAddress listen, CollectorStore store, SSLContext tls, Limits limits,
                                       AgentTokens tokens) throws IOException {
        HttpServer server;
        if (tls != null) {
            HttpsServer https = HttpsServer.create(listen, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        } else {
            server = HttpServer.create(listen, 64);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "collector-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        EventCollector c = new EventCollector(server, executor, store, limits, tls != null, tokens);
        server.createContext("/events", c::handleEvents);
        server.createContext("/health", c::handleHealth);
        server.setExecutor(executor);
        server.start();
        return c;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The URL agents post to. */
    public URI eventsUri() {
        InetSocketAddress a = address();
        return URI.create((tls ? "https" : "http") + "://" + a.getHostString() + ":" + a.getPort() + "/events");
    }

    private void handleHealth(HttpExchange ex) throws IOException {
        try (ex) {
            send(ex, 200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void handleEvents(HttpExchange ex) throws IOException {
        inFlight.incrementAndGet();
        try (ex) {
            if (closing) {
                sendError(ex, 503, "collector is shutting down");
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().add("Allow", "POST");
                sendError(ex, 405, "use POST");
                return;
            }
            if (tokens != null && tokens.check(ex.getRequestHeaders().getFirst("Authorization")).isEmpty()) {
                LOG.log(Level.WARNING, "refused events without a valid agent token from {0}", ex.getRemoteAddress());
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"secrecy-guard\"");
                sendError(ex, 401, "agent token missing or not recognised");
                return;
            }
            String declared = ex.getRequestHeaders().getFirst("Content-Length");
            if (declared != null && parseLong(declared) > limits.maxBodyBytes()) {
                sendError(ex, 413, "body larger than " + limits.maxBodyBytes() + " bytes");
                return;
            }
            byte[] body = readAtMost(ex.getRequestBody(), limits.maxBodyBytes());
            if (body == null) {
                sendError(ex, 413, "body larger than " + limits.maxBodyBytes() + " bytes");
                return;
            }
            NdjsonBatch batch = NdjsonBatch.parse(body, limits.maxLineBytes());
            if (batch.events.size() > limits.maxEvents()) {
                sendError(ex, 413, "more than " + limits.maxEvents() + " events in one request");
                return;
            }
            CollectorStore.Stored stored;
            try {
                stored = store.store(batch.events);
            } catch (CollectorStore.StoreException e) {
                LOG.log(Level.WARNING, e.getMessage());
                sendError(ex, 503, "store unavailable");
                return;
            }
            ObjectNode answer = MAPPER.createObjectNode();
            ArrayNode ids = answer.putArray("stored");
            for (UUID id : stored.ids()) {
                ids.add(id.toString());
            }
            answer.put("added", stored.added());
            ArrayNode rejected = answer.putArray("rejected");
            for (NdjsonBatch.Rejected r : batch.rejected) {
                rejected.addObject().put("line", r.line()).put("reason", r.reason());
            }
            if (!batch.rejected.isEmpty()) {
                LOG.log(Level.WARNING, "rejected {0} malformed event lines from {1}",
                        new Object[] {batch.rejected.size(), ex.getRemoteAddress()});
            }
            send(ex, 200, "application/json", MAPPER.writeValueAsBytes(answer));
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away: {0}", e.toString());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The whole body, or null when it is longer than {@code max}. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
        return data.length > max ? null : data;
    }

    private static void sendError(HttpExchange ex, int status, String message) throws IOException {
        ObjectNode o = MAPPER.createObjectNode().put("error", message);
        // Do not drain an oversized body: close the connection instead.
        ex.getResponseHeaders().add("Connection", "close");
        send(ex, status, "application/json", MAPPER.writeValueAsBytes(o));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Answers new requests with 503, lets running ones finish (up to 5 s), then stops. A request cut here
     * is simply sent again by its agent.
     */
    @Override
    public void close() {
        closing = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // stop(0): the JDK 17 server otherwise waits the whole delay even when idle.
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
