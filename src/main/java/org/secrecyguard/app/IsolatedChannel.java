package org.secrecyguard.app;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.channel.ChannelHealth;
import org.secrecyguard.channel.GuardChannel;
import org.secrecyguard.policy.Channel;

/**
 * A channel kept from taking the others down with it: a start, stop or health check that throws
 * (a native library missing on this PC, a bug) leaves this channel DOWN with the problem
 * "{@code <channel>-start-failed}" and the app running with the rest, the tray "degraded" (the habit
 * of osquery and Wazuh, whose modules fail alone).
 */
final class IsolatedChannel implements GuardChannel {
    private static final Logger LOG = Logger.getLogger(IsolatedChannel.class.getName());

    private final GuardChannel channel;
    private volatile String failure;

    IsolatedChannel(GuardChannel channel) {
        this.channel = channel;
    }

    /** The problem code a channel that failed to start reports. */
    static String startFailed(Channel kind) {
        return kind.id() + "-start-failed";
    }

    @Override
    public Channel kind() {
        return channel.kind();
    }

    @Override
    public void start() {
        try {
            channel.start();
            failure = null;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "channel " + kind().id() + " failed to start; the others keep running", e);
            failure = startFailed(kind());
        }
    }

    @Override
    public void stop() {
        try {
            channel.stop();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "channel " + kind().id() + " failed to stop", e);
        }
    }

    @Override
    public ChannelHealth health() {
        if (failure != null) {
            return new ChannelHealth(ChannelHealth.State.DOWN, List.of(failure));
        }
        try {
            return channel.health();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "channel " + kind().id() + " health check failed", e);
            return new ChannelHealth(ChannelHealth.State.DOWN, List.of(startFailed(kind())));
        }
    }
}
