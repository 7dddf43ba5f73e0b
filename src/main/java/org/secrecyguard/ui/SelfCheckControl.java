package org.secrecyguard.ui;

import org.secrecyguard.selfcheck.Cancel;
import org.secrecyguard.selfcheck.CheckListener;
import org.secrecyguard.selfcheck.CheckSummary;

/**
 * Runs the self-check (保密自查) for the window: the app decides the roots, rules, index and event log.
 * Called off the FX thread; blocks until the check ends or is cancelled.
 */
@FunctionalInterface
public interface SelfCheckControl {
    /**
     * @param full read every file again
     * @param resume continue an interrupted check if there is one
     */
    CheckSummary run(boolean full, boolean resume, CheckListener listener, Cancel cancel);
}
