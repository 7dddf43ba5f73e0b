package org.secrecyguard.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Channel;

/** All popup texts of a rule set, looked up from the most specific to the most general. */
public record PopupTexts(List<PopupText> texts) {
    public static final String ZH_CN = "zh_CN";
    public static final String EN = "en";

    public PopupTexts {
        texts = List.copyOf(texts);
    }

    /** The texts a new rules database starts with (also what the built-in baseline rules show). */
    public static PopupTexts defaults() {
        return new PopupTexts(DefaultPopupTexts.all());
    }

    /**
     * The text for a level on a channel in a locale, falling back to the level's any-channel text, then to
     * the same in Simplified Chinese (the default language).
     */
    public Optional<PopupText> find(Level level, Channel channel, String locale) {
        Optional<PopupText> found = exact(level, channel, locale).or(() -> exact(level, null, locale));
        if (found.isEmpty() && !ZH_CN.equals(locale)) {
            return find(level, channel, ZH_CN);
        }
        return found;
    }

    private Optional<PopupText> exact(Level level, Channel channel, String locale) {
        return texts.stream()
                .filter(t -> t.level() == level && Objects.equals(t.channel(), channel) && t.locale().equals(locale))
                .findFirst();
    }
}
