package org.secrecyguard.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for what a test asserts instead of sleeping for it: polls a condition until it holds, and
 * fails with what was awaited when it does not within the time. The one await of the test sources.
 */
public final class Await {
    /** Long enough for a loaded 2-core CI machine; a passing test returns as soon as the condition holds. */
    public static final Duration DEFAULT = Duration.ofSeconds(20);

    private Await() {
    }

    public static void until(BooleanSupplier condition, String what) {
        until(DEFAULT, condition, what);
    }

    public static void until(Duration within, BooleanSupplier condition, String what) {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + within.toMillis() + " ms waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }
}
