package org.secrecyguard.rules;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 serving one bundle with a strong ETag, answering 304 to a matching
 * If-None-Match, or 500 when told to fail.
 */
final class TestBundleServer implements AutoCloseable {
    private final HttpServer server;
    private volatile byte[] body = new byte[0];
    private volatile int failWith = 0;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger notModified = new AtomicInteger();

    TestBundleServer() throws IOException {
        this(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    TestBundleServer(HttpServer server) {
        this.server = server;
        server.createContext("/rules.zip", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    URI uri(String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/rules.zip");
    }

    URI uri() {
        return uri("http");
    }

    void publish(byte[] bundle) {
        body = bundle.clone();
    }

    void failWith(int status) {
        failWith = status;
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            if (failWith != 0) {
                ex.sendResponseHeaders(failWith, -1);
                return;
            }
            byte[] b = body;
            String etag = "\"" + etag(b) + "\"";
            ex.getResponseHeaders().set("ETag", etag);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "application/zip");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        }
    }

    private static String etag(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
