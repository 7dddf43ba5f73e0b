package org.secrecyguard.channel.clipboard;

import org.secrecyguard.channel.ScanOutcome;
import org.secrecyguard.platform.ContentKind;

/**
 * Reported to observers each time the guard has a verdict for new clipboard content (benchmarks
 * measure change → verdict latency with it; tests wait on it).
 *
 * @param detectedNanos {@link System#nanoTime()} when the watch saw the change
 * @param judgedNanos   {@link System#nanoTime()} when the verdict was ready
 * @param fromCache     the verdict came from the content-hash cache
 */
public record VerdictReport(long detectedNanos, long judgedNanos, ContentKind kind, ScanOutcome outcome,
                            boolean fromCache) {
    public double latencyMillis() {
        return (judgedNanos - detectedNanos) / 1_000_000.0;
    }
}
