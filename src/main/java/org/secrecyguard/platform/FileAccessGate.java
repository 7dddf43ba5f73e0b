package org.secrecyguard.platform;

import java.nio.file.Path;

/**
 * Holds every open of a file on the watched filesystems until the guard answers it (Linux: fanotify
 * permission events). The kernel waits for the answer without a timeout, so an implementation
 * answers its own process's opens at once, and closing the gate lets every pending open through.
 */
public interface FileAccessGate extends AutoCloseable {
    /**
     * Starts holding opens under each of {@code roots} (their whole filesystems where the OS can) and
     * hands each to {@code decider} on the gate's one reading thread.
     *
     * @throws PlatformUnavailableException when opens cannot be held here
     */
    void start(java.util.List<Path> roots, Decider decider);

    /** Stops holding opens; everything still pending is allowed. Safe to call from any thread. */
    @Override
    void close();

    /** The last time the reading thread showed progress ({@link System#nanoTime()}): the watchdog reads it. */
    long lastBeatNanos();

    /** Receives each held open on the gate's reading thread; must not block: answer now or later. */
    @FunctionalInterface
    interface Decider {
        void decide(Request request);
    }

    /**
     * One held open. Its facts are read on first use and kept: read them before answering, as the
     * held descriptor is closed with the answer and the opener may exit. Exactly one of {@link #allow()} and {@link #deny()} takes effect, from any thread;
     * later answers are ignored.
     *
     * @param pid        the process opening the file
     * @param executable its executable ("" when it could not be read: the process is gone or a kernel thread)
     * @param file       the file's path as the opener sees it
     * @param identity   what makes the content the same content (device, inode, size, status-change time: unlike the modification time, no user can set it back)
     */
    interface Request {
        int pid();

        String executable();

        Path file();

        FileIdentity identity();

        /** The name of the user owning the opening process ("" when unknown): whose popup tells of it. */
        String owner();

        void allow();

        void deny();

        /** True once answered. */
        boolean answered();
    }

    /** The facts that identify one version of a file's content without reading it. */
    record FileIdentity(long device, long inode, long size, long changeNanos) {
    }
}
