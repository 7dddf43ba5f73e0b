package org.secrecyguard.channel;

/**
 * One watched path out of the PC (clipboard, screenshots, drives...). The app starts every channel
 * and asks each for its health; a channel that cannot run reports DOWN or DEGRADED with reasons and
 * the app keeps running with the others (the tray turns "degraded"). Named GuardChannel to keep it
 * apart from the {@link org.secrecyguard.policy.Channel} enum that names the path in events.
 */
public interface GuardChannel {
    /** Which path this channel watches. */
    org.secrecyguard.policy.Channel kind();

    /** Starts watching; never throws for an unusable desktop (health says why instead). */
    void start();

    /** Stops watching and releases threads and native resources; {@link #start()} may be called again. */
    void stop();

    ChannelHealth health();
}
