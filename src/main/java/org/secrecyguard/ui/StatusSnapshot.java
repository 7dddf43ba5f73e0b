package org.secrecyguard.ui;

import java.time.Instant;
import java.util.List;

/**
 * What the tray and status window show at one moment.
 *
 * @param state        icon state
 * @param problems     degraded reasons as codes (translated by {@link Messages#problem(String)})
 * @param rulesVersion version label of the rules in force
 * @param lastAlert    time of the last block, or null
 * @param pausedUntil  end of an admin pause, or null when protection runs
 */
public record StatusSnapshot(GuardState state, List<String> problems, String rulesVersion, Instant lastAlert,
                             Instant pausedUntil) {
    public StatusSnapshot {
        problems = List.copyOf(problems);
        rulesVersion = rulesVersion == null ? "" : rulesVersion;
    }
}
