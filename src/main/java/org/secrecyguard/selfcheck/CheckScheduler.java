package org.secrecyguard.selfcheck;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.secrecyguard.policy.WeeklySchedule;
import org.secrecyguard.rules.RuleSnapshot;

/**
 * Which weekly slot the self-check follows, and whether a check is due now.
 *
 * <p>The slot in the signed rules (set by the secrecy office for the whole unit, {@code rules selfcheck set})
 * wins over the site's {@code selfcheck.weekly}: the office is the one that asks for the checks and reads
 * the results, and the site file of a PC without the system service is the user's own file. A rules slot
 * "off" means no scheduled check anywhere. A rules slot this program cannot read (a newer or damaged
 * bundle; the bundle builder refuses such values) is ignored with a warning and the site's slot applies,
 * so a bad value costs the schedule, never the rules. Both are asked for at every look, so a rule update
 * takes effect at the next look, without a restart.
 */
public final class CheckScheduler {
    private static final Logger LOG = Logger.getLogger(CheckScheduler.class.getName());

    /**
     * The slot in force and where it came from.
     *
     * @param schedule the slot, or empty for no scheduled check
     * @param origin   "rules-N" (the rules of that version), "site" (selfcheck.weekly) or "none"
     */
    public record Choice(Optional<WeeklySchedule> schedule, String origin) {
        @Override
        public String toString() {
            return schedule.map(WeeklySchedule::toString).orElse("off") + " (" + origin + ")";
        }
    }

    private final Supplier<RuleSnapshot> rules;
    private final Supplier<String> site;
    private final Clock clock;
    private final Supplier<Instant> lastStarted;
    private String lastSeen;

    /**
     * @param rules       the rules in force (null: the built-in baseline, which has no slot)
     * @param site        the site's {@code selfcheck.weekly} value, or null
     * @param clock       the time and the PC's zone (slots are local time)
     * @param lastStarted when the last check started (finished or not), or null for never
     */
    public CheckScheduler(Supplier<RuleSnapshot> rules, Supplier<String> site, Clock clock, Supplier<Instant> lastStarted) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.site = Objects.requireNonNull(site, "site");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastStarted = Objects.requireNonNull(lastStarted, "lastStarted");
    }

    /** The slot in force now; logs when it changed since the last call (and why a value was ignored). */
    public synchronized Choice choice() {
        RuleSnapshot snapshot = rules.get();
        String fromRules = snapshot == null ? null : snapshot.selfCheckWeekly();
        String fromSite = site.get();
        String seen = fromRules + "\u0000" + fromSite;
        boolean changed = !seen.equals(lastSeen);
        lastSeen = seen;
        if (fromRules != null) {
            String origin = snapshot.info().versionLabel();
            try {
                Choice c = new Choice(WeeklySchedule.parse(fromRules), origin);
                if (changed) {
                    LOG.info(() -> "self-check schedule: " + c + (fromSite == null || fromSite.isBlank() ? ""
                            : "; the site's selfcheck.weekly=" + fromSite + " is overridden by the rules"));
                }
                return c;
            } catch (IllegalArgumentException e) {
                if (changed) {
                    LOG.warning("self-check schedule in " + origin + " ignored: " + e.getMessage()
                            + "; the site's selfcheck.weekly applies");
                }
            }
        }
        Choice c;
        try {
            Optional<WeeklySchedule> s = WeeklySchedule.parse(fromSite);
            c = new Choice(s, s.isPresent() ? "site" : "none");
        } catch (IllegalArgumentException e) {
            if (changed) {
                LOG.warning("site setting selfcheck.weekly ignored: " + e.getMessage());
            }
            c = new Choice(Optional.empty(), "none");
        }
        if (changed) {
            Choice logged = c;
            LOG.info(() -> "self-check schedule: " + logged);
        }
        return c;
    }

    /** True when the slot in force has passed and no check started since. */
    public boolean due() {
        Optional<WeeklySchedule> s = choice().schedule();
        return s.isPresent() && s.get().due(clock.instant(), clock.getZone(), lastStarted.get());
    }
}
