package org.secrecyguard.events;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of the {@link Uploader}.
 *
 * @param endpoint           the collector's URL, e.g. https://baomi.example.gov.cn/events; plain http is
 *                           accepted only for a collector on this PC (loopback)
 * @param batchSize          events per request
 * @param interval           pause between rounds when nothing urgent is waiting
 * @param backoffBase        first pause after a failure; doubles per failure, with jitter
 * @param backoffMax         longest pause after failures
 * @param connectTimeout     TCP/TLS connect budget
 * @param requestTimeout     budget for one request including the answer
 * @param trustStore         PKCS12 or JKS file with the certificates to trust, null for the system's
 * @param trustStorePassword its password
 * @param agentToken         the secret the collector asks agents for (sent as a Bearer token), "" for none
 */
public record UploaderConfig(URI endpoint, int batchSize, Duration interval, Duration backoffBase,
                             Duration backoffMax, Duration connectTimeout, Duration requestTimeout,
                             Path trustStore, char[] trustStorePassword, String agentToken) {
    public UploaderConfig {
        agentToken = agentToken == null ? "" : agentToken.trim();
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(endpoint.getHost()))) {
            throw new IllegalArgumentException("collector URL must be https:// (http:// only for 127.0.0.1): "
                    + endpoint.getScheme() + "://" + endpoint.getHost());
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be 1..10000");
        }
        if (backoffBase.isNegative() || backoffBase.isZero() || backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("need 0 < backoffBase <= backoffMax");
        }
    }

    /** 500 events a batch, a round every minute, backoff 2 s doubling to 10 min, system trust store. */
    public static UploaderConfig defaults(URI endpoint) {
        return new UploaderConfig(endpoint, 500, Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofMinutes(10),
                Duration.ofSeconds(10), Duration.ofSeconds(60), null, null, "");
    }

    public UploaderConfig withBatchSize(int n) {
        return new UploaderConfig(endpoint, n, interval, backoffBase, backoffMax, connectTimeout, requestTimeout,
                trustStore, trustStorePassword, agentToken);
    }

    public UploaderConfig withInterval(Duration d) {
        return new UploaderConfig(endpoint, batchSize, d, backoffBase, backoffMax, connectTimeout, requestTimeout,
                trustStore, trustStorePassword, agentToken);
    }

    public UploaderConfig withBackoff(Duration base, Duration max) {
        return new UploaderConfig(endpoint, batchSize, interval, base, max, connectTimeout, requestTimeout,
                trustStore, trustStorePassword, agentToken);
    }

    public UploaderConfig withTimeouts(Duration connect, Duration request) {
        return new UploaderConfig(endpoint, batchSize, interval, backoffBase, backoffMax, connect, request,
                trustStore, trustStorePassword, agentToken);
    }

    public UploaderConfig withTrustStore(Path file, char[] password) {
        return new UploaderConfig(endpoint, batchSize, interval, backoffBase, backoffMax, connectTimeout,
                requestTimeout, file, password, agentToken);
    }

    /** With the collector's agent token (see {@code collect --tokens}). */
    public UploaderConfig withAgentToken(String token) {
        return new UploaderConfig(endpoint, batchSize, interval, backoffBase, backoffMax, connectTimeout,
                requestTimeout, trustStore, trustStorePassword, token);
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    @Override
    public String toString() {
        return "UploaderConfig[endpoint=" + endpoint + ", batchSize=" + batchSize + ", trustStore=" + trustStore + "]";
    }
}
