package org.secrecyguard.ui;

import java.time.Instant;
import java.util.List;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Channel;

/**
 * One line of the history window. Evidence is masked (as stored in the event log).
 *
 * @param level       highest level found, or null
 * @param outcome     "BLOCKED", "WARNED", "AUDITED" or "OVERRIDDEN" (translated via "outcome.*")
 * @param contentKind "text", "image", "files" (translated via "kind.*"), or "" when unknown
 * @param app         destination application or ""
 * @param rules       ids of the rules that fired
 * @param evidence    masked evidence, one item per finding
 * @param reason      the user's override reason or ""
 * @param note        technical note or ""
 */
public record EventRow(Instant time, Channel channel, Level level, String outcome, String contentKind, String app,
                       List<String> rules, List<String> evidence, String reason, String note) {
    public EventRow {
        rules = List.copyOf(rules);
        evidence = List.copyOf(evidence);
        contentKind = contentKind == null ? "" : contentKind;
        app = app == null ? "" : app;
        reason = reason == null ? "" : reason;
        note = note == null ? "" : note;
    }

    /** The first rule that fired, or "". */
    public String mainRule() {
        return rules.isEmpty() ? "" : rules.get(0);
    }
}
