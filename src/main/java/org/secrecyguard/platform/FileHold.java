package org.secrecyguard.platform;

import java.nio.file.Path;

/**
 * Holds a file so that no other process can open it while the user decides (Windows: an open
 * handle with share mode 0). It never changes or moves the file: releasing gives it back as it was.
 */
public interface FileHold {
    /** Tries to hold {@code file}; never throws for a file that cannot be held (the answer says why). */
    Result hold(Path file);

    /** The outcome of {@link #hold(Path)}. */
    sealed interface Result permits Held, NotHeld {
    }

    /** The file is held until {@link #release()}; releasing twice is harmless. */
    non-sealed interface Held extends Result, AutoCloseable {
        Path file();

        void release();

        @Override
        default void close() {
            release();
        }
    }

    /**
     * The file could not be held (another process has it open already, it vanished, access denied).
     *
     * @param reason for the log, in English (no content of the file)
     */
    record NotHeld(String reason) implements Result {
    }
}
