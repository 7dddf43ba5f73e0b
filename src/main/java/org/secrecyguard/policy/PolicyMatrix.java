package org.secrecyguard.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;

/**
 * The full level × channel table of actions. Immutable and complete: every level has an entry for every
 * channel, so a decision never falls through to an implicit default.
 */
public final class PolicyMatrix {
    private final Map<Level, Map<Channel, PolicyEntry>> cells;

    private PolicyMatrix(Map<Level, Map<Channel, PolicyEntry>> cells) {
        this.cells = cells;
    }

    /**
     * The built-in matrix, equal to {@link DefaultPolicy#outbound(Verdict)} on every outbound channel:
     * national secrets and work secrets are blocked, internal material gets a warning. A manual scan
     * stops nothing: national secrets are audited (涉密不上网: always reported), the rest allowed.
     */
    public static PolicyMatrix defaults() {
        List<PolicyEntry> entries = new ArrayList<>();
        for (Level level : Level.values()) {
            for (Channel channel : Channel.values()) {
                entries.add(new PolicyEntry(level, channel, defaultAction(level, channel), null));
            }
        }
        return of(entries);
    }

    /** The default action for one cell (see {@link #defaults()}). */
    public static Action defaultAction(Level level, Channel channel) {
        if (channel == Channel.MANUAL_SCAN) {
            return level.isNationalSecret() ? Action.AUDIT : Action.ALLOW;
        }
        return DefaultPolicy.outbound(new Verdict(List.of(
                new Finding(DetectorType.MARKING, "default", level, "", ""))));
    }

    /**
     * A matrix from entries; cells not given take {@link #defaultAction} so the table is always complete.
     * A later entry for the same cell replaces an earlier one.
     */
    public static PolicyMatrix of(Iterable<PolicyEntry> entries) {
        Map<Level, Map<Channel, PolicyEntry>> cells = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            Map<Channel, PolicyEntry> row = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                row.put(channel, new PolicyEntry(level, channel, defaultAction(level, channel), null));
            }
            cells.put(level, row);
        }
        for (PolicyEntry e : entries) {
            cells.get(e.level()).put(e.channel(), e);
        }
        Map<Level, Map<Channel, PolicyEntry>> frozen = new EnumMap<>(Level.class);
        cells.forEach((level, row) -> frozen.put(level, Map.copyOf(row)));
        return new PolicyMatrix(frozen);
    }

    public PolicyEntry entry(Level level, Channel channel) {
        return cells.get(level).get(channel);
    }

    /** A copy with one cell replaced. */
    public PolicyMatrix with(PolicyEntry entry) {
        List<PolicyEntry> all = entries();
        all.add(entry);
        return of(all);
    }

    /** All cells, level by level (highest first), channels in declaration order. */
    public List<PolicyEntry> entries() {
        List<PolicyEntry> list = new ArrayList<>();
        for (Level level : Level.values()) {
            for (Channel channel : Channel.values()) {
                list.add(entry(level, channel));
            }
        }
        return list;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyMatrix other && other.entries().equals(entries());
    }

    @Override
    public int hashCode() {
        return entries().hashCode();
    }
}
