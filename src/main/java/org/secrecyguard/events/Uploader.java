package org.secrecyguard.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends pending events to the collector as NDJSON batches, on its own daemon thread, and marks them
 * sent only for the UUIDs the collector says it stored. Nothing is lost by a collector that is down, slow
 * or drops the connection: the events stay pending and the next round sends them again (the collector
 * de-duplicates by UUID). Failures back off exponentially with jitter so a week-long outage costs a
 * request every few minutes per PC, not a storm when the server returns.
 *
 * <p>National-secret events go first in every batch and are sent as soon as they are committed: the
 * uploader listens to the log and {@link #wake wakes} itself, ahead of the batch schedule. While backing
 * off after a failure a wake is remembered and the send happens when the backoff ends.
 *
 * <p>It never blocks appends: it reads through the log's reader connection and marks rows through the
 * writer's queue like any other write.
 */
public final class Uploader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Uploader.class.getName());
    private static final int MAX_ANSWER_BYTES = 4 << 20;

    /**
     * What the tray and the settings window show about uploading.
     *
     * @param running             the thread is running
     * @param sentTotal           events acknowledged since start
     * @param consecutiveFailures failed rounds in a row (0 when the last round worked)
     * @param lastSuccess         when a round last worked, null if never
     * @param lastProblem         a short description of the last failure, null after a success
     * @param refusedTotal        events the collector refused for good since start (kept locally, not resent)
     * @param rounds              upload rounds done since start, successful or not
     * @param wakes               times it was woken ahead of its interval (national-secret events)
     */
    public record Status(boolean running, long sentTotal, int consecutiveFailures, Instant lastSuccess,
                         String lastProblem, long refusedTotal, long rounds, long wakes) {
    }

    private final EventLog log;
    private final UploaderConfig config;
    private final HttpClient client;
    private final EventLog.Listener urgentListener = this::onCommitted;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong wakes = new AtomicLong();
    private boolean wakeRequested;
    private volatile boolean running;
    private volatile int failures;
    private volatile Instant lastSuccess;
    private volatile String lastProblem;
    private Thread thread;

    public Uploader(EventLog log, UploaderConfig config) {
        this.log = log;
        this.config = config;
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (config.trustStore() != null) {
            b.sslContext(TlsContexts.trusting(config.trustStore(), config.trustStorePassword()));
        }
        this.client = b.build();
    }

    /** Starts the upload thread; it sends what is pending at once, then every interval or when woken. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        log.addListener(urgentListener);
        thread = new Thread(this::run, "event-uploader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread; a request in flight is abandoned (its events stay pending). */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        log.removeListener(urgentListener);
        lock.lock();
        try {
            signal.signalAll();
        } finally {
            lock.unlock();
        }
        thread.interrupt();
        try {
            thread.join(config.requestTimeout().toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Sends now instead of at the next interval (used for national-secret events). */
    public void wake() {
        wakes.incrementAndGet();
        lock.lock();
        try {
            wakeRequested = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public Status status() {
        return new Status(running, sent.get(), failures, lastSuccess, lastProblem, refused.get(), rounds.get(),
                wakes.get());
    }

    private void onCommitted(List<Event> events) {
        for (Event e : events) {
            if (e.isNationalSecret()) {
                wake();
                return;
            }
        }
    }

    private void run() {
        while (running) {
            boolean more;
            try {
                more = sendOneBatch();
                if (failures > 0) {
                    LOG.log(Level.INFO, "event upload works again after {0} failed attempts", failures);
                }
                failures = 0;
                lastProblem = null;
                lastSuccess = Instant.now();
            } catch (UploadFailure | RuntimeException e) {
                if (!running) {
                    return;
                }
                failures++;
                lastProblem = e.getMessage();
                // One warning per outage, not one per retry for a week.
                LOG.log(failures == 1 ? Level.WARNING : Level.FINE,
                        "event upload failed (attempt {0}), will retry: {1}", new Object[] {failures, e.getMessage()});
                pause(backoffMillis(failures), false);
                continue;
            } catch (InterruptedException e) {
                return;
            } finally {
                rounds.incrementAndGet();
            }
            if (!more) {
                pause(config.interval().toMillis(), true);
            }
        }
    }

    /**
     * Sends one batch of pending events. Returns true when there may be more to send right away (a full
     * batch went through completely).
     */
    private boolean sendOneBatch() throws UploadFailure, InterruptedException {
        List<Event> batch = log.pending(config.batchSize());
        if (batch.isEmpty()) {
            return false;
        }
        StringBuilder body = new StringBuilder(batch.size() * 600);
        Set<UUID> offered = new HashSet<>();
        for (Event e : batch) {
            body.append(EventJson.write(e)).append('\n');
            offered.add(e.id());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(config.endpoint())
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/x-ndjson; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (!config.agentToken().isEmpty()) {
            builder.header("Authorization", "Bearer " + config.agentToken());
        }
        HttpRequest request = builder.build();
        HttpResponse<InputStream> response;
        byte[] answer;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                answer = in.readNBytes(MAX_ANSWER_BYTES);
            }
        } catch (IOException e) {
            throw new UploadFailure("collector unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        if (response.statusCode() == 401) {
            throw new UploadFailure("collector refused this PC's agent token (HTTP 401): check collector.token");
        }
        if (response.statusCode() != 200) {
            throw new UploadFailure("collector answered HTTP " + response.statusCode());
        }
        JsonNode parsed = parse(answer);
        Set<UUID> acked = storedIds(parsed);
        acked.retainAll(offered);
        Map<UUID, String> refusedNow = refusedLines(parsed, batch);
        refusedNow.keySet().removeAll(acked);
        if (acked.isEmpty() && refusedNow.isEmpty()) {
            throw new UploadFailure("collector stored none of " + batch.size() + " events");
        }
        log.markUploaded(acked);
        sent.addAndGet(acked.size());
        if (!refusedNow.isEmpty()) {
            // Sending them again would only be refused again, and would hold up the events behind them.
            log.markRefused(refusedNow);
            refused.addAndGet(refusedNow.size());
            LOG.log(Level.WARNING, "collector refused {0} of {1} events ({2}); they stay in the local log and"
                    + " are not sent again", new Object[] {refusedNow.size(), offered.size(),
                    String.join("; ", new java.util.TreeSet<>(refusedNow.values()))});
        }
        if (acked.size() + refusedNow.size() < offered.size()) {
            LOG.log(Level.WARNING, "collector stored {0} of {1} events; the rest stay pending",
                    new Object[] {acked.size(), offered.size()});
            return false;
        }
        return batch.size() == config.batchSize();
    }

    private static JsonNode parse(byte[] answer) throws UploadFailure {
        try {
            JsonNode node = EventJson.MAPPER.readTree(answer);
            if (node == null || !node.isObject()) {
                throw new UploadFailure("collector answer is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new UploadFailure("collector answer is not the expected JSON");
        }
    }

    private static Set<UUID> storedIds(JsonNode answer) throws UploadFailure {
        Set<UUID> ids = new HashSet<>();
        JsonNode stored = answer.get("stored");
        if (stored == null || !stored.isArray()) {
            throw new UploadFailure("collector answer has no \"stored\" list");
        }
        try {
            for (JsonNode n : stored) {
                ids.add(UUID.fromString(n.asText()));
            }
        } catch (IllegalArgumentException e) {
            throw new UploadFailure("collector answer is not the expected JSON");
        }
        return ids;
    }

    /**
     * The events of the lines the collector refused ({@code "rejected":[{"line":n,"reason":"…"}]}, line 1
     * = the batch's first event), with its reason cut to a sane length. Entries that name no line of
     * this batch are ignored: only what the collector clearly refused is set aside.
     */
    private static Map<UUID, String> refusedLines(JsonNode answer, List<Event> batch) {
        Map<UUID, String> out = new HashMap<>();
        JsonNode rejected = answer.get("rejected");
        if (rejected == null || !rejected.isArray()) {
            return out;
        }
        for (JsonNode r : rejected) {
            JsonNode line = r.get("line");
            if (line == null || !line.canConvertToInt() || line.asInt() < 1 || line.asInt() > batch.size()) {
                continue;
            }
            String reason = r.path("reason").asText("refused");
            reason = reason.isBlank() ? "refused" : reason;
            out.put(batch.get(line.asInt() - 1).id(), reason.length() > 200 ? reason.substring(0, 200) : reason);
        }
        return out;
    }

    /** Full delay base·2^(n-1) capped at max, of which a random half is jitter so PCs do not retry in step. */
    long backoffMillis(int failureCount) {
        long base = config.backoffBase().toMillis();
        long max = config.backoffMax().toMillis();
        long delay = base << Math.min(30, failureCount - 1);
        if (delay <= 0 || delay > max) {
            delay = max;
        }
        long half = delay / 2;
        return half + ThreadLocalRandom.current().nextLong(half + 1);
    }

    /** Waits {@code millis}, or less when stopped, or (if {@code wakeable}) when woken. */
    private void pause(long millis, boolean wakeable) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        lock.lock();
        try {
            while (running) {
                if (wakeable && wakeRequested) {
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                signal.awaitNanos(left);
            }
            if (wakeable) {
                wakeRequested = false;
            }
        } catch (InterruptedException e) {
            // stop() interrupts; the loop sees running == false
        } finally {
            lock.unlock();
        }
    }

    /** A round failed; the events stay pending. The message never contains event content. */
    private static final class UploadFailure extends Exception {
        private static final long serialVersionUID = 1L;

        UploadFailure(String message) {
            super(message);
        }
    }
}
