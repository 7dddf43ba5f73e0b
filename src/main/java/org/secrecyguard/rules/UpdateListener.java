package org.secrecyguard.rules;

import java.time.Instant;

/**
 * Told about every rule update and every refusal, so the app can log events and update the tray. Called on
 * the updater's thread; implementations must return quickly and must not throw.
 */
public interface UpdateListener {
    void applied(Applied update);

    void rejected(Rejected rejection);

    /**
     * New rules are in force.
     *
     * @param fromVersion the version before (0 = baseline)
     * @param snapshot    the rules now in force (already published in {@link ActiveRules})
     * @param source      where they came from (a source description, or the installed file at start-up)
     */
    record Applied(long fromVersion, RuleSnapshot snapshot, String source, Instant at) {
        public long toVersion() {
            return snapshot.info().version();
        }
    }

    /**
     * A bundle (or an attempt to get one) was refused; the rules in force did not change.
     *
     * @param reason         the kind of failure
     * @param message        what went wrong, for the log (never rule content)
     * @param offeredVersion the version the refused bundle claimed, or -1 when unknown
     * @param activeVersion  the version still in force
     */
    record Rejected(RejectReason reason, String message, String source, long offeredVersion, long activeVersion,
                    Instant at) {
    }

    /** A listener that ignores everything. */
    UpdateListener NONE = new UpdateListener() {
        @Override
        public void applied(Applied update) {
        }

        @Override
        public void rejected(Rejected rejection) {
        }
    };
}
