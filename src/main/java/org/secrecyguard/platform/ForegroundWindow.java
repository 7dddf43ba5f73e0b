package org.secrecyguard.platform;

import java.util.Optional;

/**
 * Which application is in front of the user now: the clipboard guard asks it when deciding whether
 * flagged content is about to be pasted into WeChat, a browser or another external application.
 * Implementations are thread-safe and answer in a few milliseconds.
 */
public interface ForegroundWindow extends AutoCloseable {
    /** The focused window's application, or empty when there is none or it cannot be identified. */
    Optional<WindowInfo> current();

    /** False when this desktop cannot say which application is in front (see {@link Platforms}). */
    default boolean supported() {
        return true;
    }

    @Override
    default void close() {
    }

    /** For desktops where the foreground application cannot be known. */
    ForegroundWindow UNKNOWN = new ForegroundWindow() {
        @Override
        public Optional<WindowInfo> current() {
            return Optional.empty();
        }

        @Override
        public boolean supported() {
            return false;
        }
    };
}
