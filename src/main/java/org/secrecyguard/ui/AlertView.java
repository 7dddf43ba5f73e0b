package org.secrecyguard.ui;

import java.time.Instant;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;

/**
 * Everything a popup shows about one decision. Built by the app from a channel's alert and the popup
 * texts of the rules ({@link AlertTexts} gives the built-in ones).
 *
 * @param marking     true when a marking was found (title says "含…标志"), false for keyword or
 *                    fingerprint matches ("涉及…级敏感内容")
 * @param rule        rule id of the main finding
 * @param evidence    masked evidence of the main finding
 * @param contentKind "text", "image" or "files"
 * @param destination application in front, or ""
 * @param advice      what to do instead
 * @param basis       the rule that applies, e.g. the State Secrets Law's ban on internet transmission
 */
public record AlertView(Action action, Channel channel, Level level, boolean marking, String rule, String evidence,
                        String contentKind, String destination, String advice, String basis, Instant time) {
    public AlertView {
        destination = destination == null ? "" : destination;
        evidence = evidence == null ? "" : evidence;
        rule = rule == null ? "" : rule;
    }
}
