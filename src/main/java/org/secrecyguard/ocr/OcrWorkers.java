package org.secrecyguard.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fixed set of OCR threads, each owning one Tesseract handle for its whole life: created on the
 * thread's first job, reused for every later job, closed by the same thread when the pool closes.
 * Handles are never shared between threads and never recreated (tess4j reports leaks when pools are
 * rebuilt and crashes when handles are shared). Jobs wait in a queue for a free thread.
 */
final class OcrWorkers implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OcrWorkers.class.getName());
    private static final FutureTask<Object> STOP = new FutureTask<>(() -> null);

    /** Opens a handle on the calling worker thread. */
    interface HandleFactory {
        TessHandle open() throws OcrUnavailableException;
    }

    private final BlockingQueue<FutureTask<?>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final HandleFactory factory;
    private volatile String failure;
    private volatile boolean closed;

    OcrWorkers(int count, HandleFactory factory, String namePrefix) {
        this.factory = factory;
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(this::loop, namePrefix + "-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Why handles could not be opened, or null while they can. */
    String failure() {
        return failure;
    }

    /**
     * Queues a job that runs on a worker thread with that thread's handle. The future fails with an
     * {@link OcrUnavailableException} cause when the handle cannot be opened.
     */
    <T> FutureTask<T> submit(Function<TessHandle, T> job) {
        Slot<T> slot = new Slot<>(job);
        if (closed) {
            slot.task.cancel(false);
            return slot.task;
        }
        queue.add(slot.task);
        return slot.task;
    }

    /** A job and the handle it will run with (set by the worker just before running it). */
    private static final class Slot<T> {
        final FutureTask<T> task;
        TessHandle handle;

        Slot(Function<TessHandle, T> job) {
            this.task = new JobTask<>(this, job);
        }
    }

    private static final class JobTask<T> extends FutureTask<T> {
        final Slot<T> slot;

        JobTask(Slot<T> slot, Function<TessHandle, T> job) {
            super(() -> job.apply(slot.handle));
            this.slot = slot;
        }

        void runWith(TessHandle handle) {
            slot.handle = handle;
            run();
        }

        void fail(Throwable cause) {
            setException(cause);
        }
    }

    private void loop() {
        TessHandle handle = null;
        try {
            while (true) {
                FutureTask<?> task = queue.take();
                if (task == STOP) {
                    return;
                }
                JobTask<?> job = (JobTask<?>) task;
                if (job.isCancelled()) {
                    continue;
                }
                if (handle == null) {
                    try {
                        handle = factory.open();
                    } catch (OcrUnavailableException e) {
                        failure = e.getMessage();
                        job.fail(e);
                        continue;
                    } catch (RuntimeException | LinkageError e) {
                        failure = "OCR unavailable: Tesseract failed to start (" + e.getClass().getSimpleName() + ")";
                        LOG.log(Level.WARNING, "Tesseract handle could not be opened", e);
                        job.fail(new OcrUnavailableException(failure));
                        continue;
                    }
                }
                job.runWith(handle);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (handle != null) {
                try {
                    handle.close();
                } catch (RuntimeException | LinkageError e) {
                    LOG.log(Level.WARNING, "closing a Tesseract handle failed", e);
                }
            }
        }
    }

    /** Stops the threads after their current job; each closes its own handle. Waits up to 10 s per thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<FutureTask<?>> pending = new ArrayList<>();
        queue.drainTo(pending);
        for (FutureTask<?> task : pending) {
            task.cancel(false);
        }
        for (int i = 0; i < threads.size(); i++) {
            queue.add(STOP);
        }
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // A job queued while closing would wait behind the stop signals for ever: cancel it.
        pending.clear();
        queue.drainTo(pending);
        for (FutureTask<?> task : pending) {
            task.cancel(false);
        }
    }

}
