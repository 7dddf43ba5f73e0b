package org.secrecyguard.ui;

import java.time.Instant;
import java.util.List;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;

/**
 * One line of the history window. Findings carry masked evidence only.
 *
 * @param outcome     "BLOCKED", "WARNED", "AUDITED" or "OVERRIDDEN" (translated via "outcome.*")
 * @param contentKind "text", "image", "files" (translated via "kind.*")
 * @param app         destination application or ""
 * @param reason      the user's override reason or ""
 * @param note        technical note or ""
 */
public record EventRow(Instant time, Channel channel, Level level, Action action, String outcome,
                       String contentKind, String app, List<Finding> findings, String reason, String note) {
    public EventRow {
        findings = List.copyOf(findings);
        app = app == null ? "" : app;
        reason = reason == null ? "" : reason;
        note = note == null ? "" : note;
    }

    /** The rule of the first finding at the event's level, or "". */
    public String mainRule() {
        return findings.stream().filter(f -> f.level() == level).map(Finding::rule).findFirst()
                .orElse(findings.isEmpty() ? "" : findings.get(0).rule());
    }
}
