package org.secrecyguard.policy;

import java.util.Objects;
import org.secrecyguard.engine.Level;

/**
 * One cell of the policy matrix: what to do with material of {@code level} on {@code channel}.
 *
 * @param level    the level found
 * @param channel  the path it is leaving by
 * @param action   the action during work time
 * @param offHours a stricter action outside work hours (nights, weekends, holidays), or null for the same
 *                 action at all times; it can only tighten, never loosen (see {@link #actionAt(boolean)})
 */
public record PolicyEntry(Level level, Channel channel, Action action, Action offHours) {
    public PolicyEntry {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(action, "action");
    }

    /** The action for a moment in or out of work time; an off-hours action milder than the day action is ignored. */
    public Action actionAt(boolean workTime) {
        if (workTime || offHours == null) {
            return action;
        }
        return Action.max(action, offHours);
    }
}
