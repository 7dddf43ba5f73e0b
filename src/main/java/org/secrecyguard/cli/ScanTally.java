package org.secrecyguard.cli;

import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.DefaultPolicy;
import org.secrecyguard.scan.ScanResult;

/** Counts results and turns them into the scan exit status: an error outranks a flag. */
final class ScanTally {
    private boolean flagged;
    private boolean error;

    void add(ScanResult r) {
        if (r.isError()) {
            error = true;
        }
        if (DefaultPolicy.outbound(r.verdict()) != Action.ALLOW) {
            flagged = true;
        }
    }

    int exitCode() {
        if (error) {
            return ExitCodes.ERROR;
        }
        return flagged ? ExitCodes.FLAGGED : ExitCodes.OK;
    }
}
