package org.secrecyguard.platform.windows;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;

/** Closing a pipe handle that other threads may be using in a blocking call. */
final class PipeHandles {
    private PipeHandles() {
    }

    /**
     * Cancels the calls on {@code pipe} until none holds {@code inUse}'s read lock, then closes the handle
     * under the write lock: Windows reuses handle values, so a call still running after the close could
     * act on an unrelated handle. A call may start between a cancel and its check of the caller's
     * "closed" flag, hence cancel again until the calls are out. An interrupt meanwhile is kept for the caller.
     */
    static void cancelAndClose(PipeApi api, long pipe, ReadWriteLock inUse) {
        boolean interrupted = false;
        while (true) {
            api.cancel(pipe);
            try {
                if (inUse.writeLock().tryLock(20, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            api.close(pipe);
        } finally {
            inUse.writeLock().unlock();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
