package org.secrecyguard.selfcheck;

import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.DefaultPolicy;
import org.secrecyguard.scan.ScanResult;

/** allow|warn|block|error for a scan result, as {@code scan --json} words it (the default outbound policy). */
final class VerdictWord {
    private VerdictWord() {
    }

    static String of(ScanResult r) {
        Action action = DefaultPolicy.outbound(r.verdict());
        if (r.isError() && action == Action.ALLOW) {
            return "error";
        }
        return switch (action) {
            case ALLOW, AUDIT -> "allow";
            case WARN -> "warn";
            case BLOCK, BLOCK_OVERRIDABLE -> "block";
        };
    }
}
