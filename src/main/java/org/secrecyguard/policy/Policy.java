package org.secrecyguard.policy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;

/**
 * Turns what the engine found into what the guard does. Immutable and thread-safe; the app builds a
 * new one whenever new rules arrive.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>A clean verdict is allowed.</li>
 *   <li>A transfer to an application that is not on the channel's external list stays on the PC
 *       (e.g. a paste into the word processor): allowed, but national secrets are audited.</li>
 *   <li>Otherwise every level found is looked up in the matrix and the strictest action wins; outside
 *       work time a cell's stricter off-hours action applies.</li>
 *   <li>National secrets (绝密, 机密, 秘密) are always at least {@link Action#AUDIT}: on an
 *       internet-connected PC finding one is already a violation (涉密不上网) and is always reported,
 *       whatever the matrix says.</li>
 * </ol>
 */
public final class Policy {
    private final PolicyConfig config;

    public Policy(PolicyConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The policy of the built-in rules (equal to {@link DefaultPolicy#outbound} on outbound channels). */
    public static Policy defaults() {
        return new Policy(PolicyConfig.defaults());
    }

    public PolicyConfig config() {
        return config;
    }

    /**
     * Decides what to do with a transfer.
     *
     * @param verdict        what the engine found
     * @param channel        the path the material takes
     * @param destinationApp process name or path of the receiving application; null when unknown
     *                       (then the destination counts as external)
     * @param time           when it happens
     */
    public Action decide(Verdict verdict, Channel channel, String destinationApp, TimeContext time) {
        Objects.requireNonNull(channel, "channel");
        if (verdict.isClean()) {
            return Action.ALLOW;
        }
        if (channel != Channel.REMOVABLE_DRIVE && !config.externalApps().isExternal(channel, destinationApp)) {
            return floorForNationalSecrets(verdict, Action.ALLOW);
        }
        return matrixAction(verdict, channel, time, levelsFound(verdict));
    }

    /**
     * Decides what to do with files copied to a removable drive. On a device IT registered, work secrets
     * and internal material are audited instead of stopped; national secrets follow the matrix as on any
     * other device, because no ordinary USB device may hold them.
     *
     * @param device the receiving device, or null when it could not be identified
     */
    public Action decideRemovable(Verdict verdict, UsbDeviceId device, TimeContext time) {
        if (verdict.isClean()) {
            return Action.ALLOW;
        }
        Set<Level> levels = levelsFound(verdict);
        if (isAllowedDevice(device)) {
            levels.removeIf(level -> !level.isNationalSecret());
            if (levels.isEmpty()) {
                return Action.AUDIT;
            }
        }
        return matrixAction(verdict, Channel.REMOVABLE_DRIVE, time, levels);
    }

    /** True when IT registered this device as allowed to receive files. */
    public boolean isAllowedDevice(UsbDeviceId device) {
        if (device == null) {
            return false;
        }
        for (UsbDeviceId allowed : config.allowedDevices()) {
            if (allowed.sameDevice(device)) {
                return true;
            }
        }
        return false;
    }

    /** True outside work hours, on weekends that are not make-up days, and on holidays. */
    public boolean isOffHours(TimeContext time) {
        return !config.calendar().isWorkTime(time.at());
    }

    private Action matrixAction(Verdict verdict, Channel channel, TimeContext time, Set<Level> levels) {
        boolean workTime = !isOffHours(time);
        Action action = Action.ALLOW;
        for (Level level : levels) {
            action = Action.max(action, config.matrix().entry(level, channel).actionAt(workTime));
        }
        return floorForNationalSecrets(verdict, action);
    }

    private static Action floorForNationalSecrets(Verdict verdict, Action action) {
        boolean national = verdict.highest().map(Level::isNationalSecret).orElse(false);
        return national ? Action.max(action, Action.AUDIT) : action;
    }

    private static Set<Level> levelsFound(Verdict verdict) {
        Set<Level> levels = EnumSet.noneOf(Level.class);
        for (Finding f : verdict.findings()) {
            levels.add(f.level());
        }
        return levels;
    }
}
