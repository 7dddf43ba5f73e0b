package org.secrecyguard.platform;

import java.util.OptionalLong;

/**
 * How long ago the user last touched the keyboard or mouse, so that background work (the self-check)
 * can step aside while someone works. Empty when the desktop does not say (no X display, Wayland).
 */
public interface UserActivity {
    /** Never knows: background work then runs as if the user were away. */
    UserActivity UNKNOWN = OptionalLong::empty;

    /** Milliseconds since the last input, or empty when unknown. */
    OptionalLong idleMillis();
}
