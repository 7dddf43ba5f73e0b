package org.secrecyguard.ui;

import java.time.Duration;

/** The app actions behind the tray menu. Called on the FX thread; long work must not block it. */
public interface GuardControl {
    /** Whether IT set an admin PIN; without one, protection cannot be stopped from the UI. */
    boolean pinConfigured();

    /** Checks a PIN against the stored hash (constant time). */
    boolean verifyPin(char[] pin);

    /** Pauses every channel for the given time (after the PIN was verified). */
    void pause(Duration duration);

    /** Ends an admin pause early. */
    void resume();

    /** Stops the guard and exits the process (after the PIN was verified). */
    void exit();

    /**
     * Fetches and applies new rules; runs off the FX thread and returns a message for the user.
     */
    String updateRulesNow();

    /** The app version, for the about box. */
    String version();
}
