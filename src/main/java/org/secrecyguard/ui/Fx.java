package org.secrecyguard.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Small helpers for running code on the JavaFX thread from watcher and app threads. */
public final class Fx {
    private Fx() {
    }

    /** Starts the JavaFX toolkit once (no Application subclass: the app owns its lifecycle). */
    public static void startToolkit() {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        try {
            if (!started.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("JavaFX did not start within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting JavaFX", e);
        }
        // Closing the last window must not end the app: it lives in the tray.
        Platform.setImplicitExit(false);
        Platform.runLater(IdlePulseTimer::install);
    }

    /** Runs on the FX thread: at once when already there, else later. */
    public static void run(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** Runs on the FX thread and returns the result to any thread. */
    public static <T> CompletableFuture<T> call(Supplier<T> s) {
        CompletableFuture<T> f = new CompletableFuture<>();
        run(() -> {
            try {
                f.complete(s.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }
}
