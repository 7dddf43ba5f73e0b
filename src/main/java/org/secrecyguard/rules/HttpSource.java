package org.secrecyguard.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import javax.net.ssl.SSLContext;

/**
 * A bundle at an HTTP(S) URL, fetched with {@code If-None-Match} so that an unchanged bundle costs one
 * 304. Connect and response timeouts bound the wait for headers; the {@link RuleUpdater}'s overall
 * deadline bounds the body, so a server that stops sending cannot hang the agent.
 */
public final class HttpSource implements BundleSource {
    private final URI uri;
    private final HttpClient client;
    private final Duration responseTimeout;

    /**
     * @param uri             the bundle's URL
     * @param connectTimeout  limit for establishing the connection
     * @param responseTimeout limit for the response headers to arrive
     * @param sslContext      for HTTPS with the unit's own CA or a pinned server certificate; null for the
     *                        JDK's default trust store
     */
    public HttpSource(URI uri, Duration connectTimeout, Duration responseTimeout, SSLContext sslContext) {
        this.uri = Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("rules URL must be http or https: " + uri);
        }
        this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
        HttpClient.Builder b = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1);
        if (sslContext != null) {
            b.sslContext(sslContext);
        }
        this.client = b.build();
    }

    public HttpSource(URI uri) {
        this(uri, Duration.ofSeconds(10), Duration.ofSeconds(30), null);
    }

    @Override
    public FetchResult fetch(String previousTag, Path target, long maxBytes) throws IOException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(responseTimeout).GET()
                .header("Accept", "application/zip, application/octet-stream");
        if (previousTag != null) {
            rb.header("If-None-Match", previousTag);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new BundleRejectedException(RejectReason.TIMEOUT, "no connection to " + uri + " in time");
        } catch (HttpTimeoutException e) {
            throw new BundleRejectedException(RejectReason.TIMEOUT, uri + " did not answer in time");
        } catch (ConnectException e) {
            throw new BundleRejectedException(RejectReason.SOURCE_UNAVAILABLE, "cannot connect to " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleRejectedException(RejectReason.TIMEOUT, "download from " + uri + " was cancelled");
        } catch (IOException e) {
            throw new BundleRejectedException(RejectReason.SOURCE_UNAVAILABLE, "cannot fetch " + uri + ": " + e, e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            String etag = response.headers().firstValue("ETag").orElse(null);
            if (status == 304) {
                return FetchResult.unchanged(previousTag);
            }
            if (status != 200) {
                throw new BundleRejectedException(RejectReason.SOURCE_UNAVAILABLE, uri + " answered HTTP " + status);
            }
            OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            if (length.isPresent() && length.getAsLong() > maxBytes) {
                throw new BundleRejectedException(RejectReason.TOO_LARGE,
                        "bundle at " + uri + " is " + length.getAsLong() + " bytes, over the limit of " + maxBytes);
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                LimitedCopy.copy(body, out, maxBytes);
            } catch (BundleRejectedException e) {
                throw e;
            } catch (IOException e) {
                throw new BundleRejectedException(RejectReason.SOURCE_UNAVAILABLE,
                        "download from " + uri + " broke off: " + e.getMessage(), e);
            }
            return FetchResult.fetched(etag);
        }
    }

    @Override
    public String describe() {
        return uri.toString();
    }
}
