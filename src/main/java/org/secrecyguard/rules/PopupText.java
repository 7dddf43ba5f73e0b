package org.secrecyguard.rules;

import java.util.Objects;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Channel;

/**
 * What a popup tells the user about one level (and optionally one channel): why it stopped or warned, and
 * what to do instead.
 *
 * @param level       the level found
 * @param channel     the channel, or null for a text that applies to every channel
 * @param locale      "zh_CN" or "en"
 * @param explanation the rule, in plain words (may cite the law)
 * @param advice      what the user should do now
 */
public record PopupText(Level level, Channel channel, String locale, String explanation, String advice) {
    public PopupText {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(advice, "advice");
    }
}
