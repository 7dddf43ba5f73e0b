package org.secrecyguard.channel;

import java.util.List;

/**
 * How well a channel is working.
 *
 * @param state    overall state
 * @param problems stable codes of what is wrong (e.g. "ocr-unavailable", "wayland-without-x11"); the UI
 *                 translates them, logs print them as they are
 */
public record ChannelHealth(State state, List<String> problems) {
    /** From best to worst. */
    public enum State { UP, DEGRADED, DOWN, STOPPED }

    public ChannelHealth {
        problems = List.copyOf(problems);
    }

    public static ChannelHealth up() {
        return new ChannelHealth(State.UP, List.of());
    }

    public static ChannelHealth stopped() {
        return new ChannelHealth(State.STOPPED, List.of());
    }

    public boolean ok() {
        return state == State.UP;
    }
}
