package org.secrecyguard.rules;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Tells the log and the {@link UpdateListener} what an update did; a failing listener never stops an update. */
final class UpdateReporter {
    private static final Logger LOG = Logger.getLogger(RuleUpdater.class.getName());

    private final UpdateListener listener;
    private final ActiveRules<?> active;
    private final Clock clock;

    UpdateReporter(UpdateListener listener, ActiveRules<?> active, Clock clock) {
        this.listener = listener;
        this.active = active;
        this.clock = clock;
    }

    /** Reports a refused bundle; the rules in force stay. */
    RuleUpdater.Outcome rejected(RejectReason reason, String message, String where, long offered) {
        long version = active.version();
        LOG.log(Level.WARNING, "rule bundle refused ({0}) from {1}: {2}", new Object[] {reason, where, message});
        try {
            listener.rejected(new UpdateListener.Rejected(reason, message, where, offered, version, clock.instant()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "update listener failed", e);
        }
        return new RuleUpdater.Outcome(RuleUpdater.Status.REJECTED, version, reason, message);
    }

    /** Reports rules put in force. */
    RuleUpdater.Outcome applied(long before, RuleSnapshot snapshot, String where) {
        LOG.log(Level.INFO, "rules version {0} in force (was {1}), from {2}",
                new Object[] {snapshot.info().version(), before, where});
        try {
            listener.applied(new UpdateListener.Applied(before, snapshot, where, clock.instant()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "update listener failed", e);
        }
        return new RuleUpdater.Outcome(RuleUpdater.Status.APPLIED, active.version(), null, "");
    }
}
