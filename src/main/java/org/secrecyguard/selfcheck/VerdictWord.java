package org.secrecyguard.selfcheck;

import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.DefaultPolicy;
import org.secrecyguard.scan.ScanResult;

/**
 * allow|warn|block|error for a scan result under the default outbound policy; error when nothing was found
 * and the file could not be read. One wording for {@code scan} (text and JSON) and the self-check's report.
 */
public final class VerdictWord {
    private VerdictWord() {
    }

    public static String of(ScanResult r) {
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
