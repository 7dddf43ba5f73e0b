package org.secrecyguard.platform;

/**
 * Lowers the calling thread's CPU and disk priority so that a long background task (the self-check)
 * yields to everything the user does. Java's own thread priorities are ignored by Linux without root
 * options, so each OS does it its own way; failure leaves the thread as it was (never an error).
 */
public interface BackgroundPriority {
    /** Only the Java priority, which some JVMs honour. */
    BackgroundPriority JAVA_ONLY = () -> {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        return false;
    };

    /**
     * Lowers the current thread.
     *
     * @return true when the OS priority (CPU and I/O) was lowered, false when only Java's was
     */
    boolean lowerCurrentThread();
}
