package org.secrecyguard.platform;

/**
 * Starts a program in a logged-in user's desktop session, from the system service: how the service
 * brings back a tray app that was killed. Linux runs it as the user with that session's display
 * environment; Windows would use the session's user token (WTSQueryUserToken + CreateProcessAsUser).
 */
public interface SessionLauncher {
    /** What happened to one attempt; {@code detail} is a short, non-secret note for the event log. */
    record Launch(boolean started, String detail) {
    }

    /** Starts the program for {@code user}; never waits for it to finish. */
    Launch launch(String user);
}
