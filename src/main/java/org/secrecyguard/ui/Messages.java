package org.secrecyguard.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;

/**
 * The UI texts of one language, from the {@code org/secrecyguard/ui/messages} bundles: Simplified
 * Chinese is the base bundle and the default, English is {@code messages_en}. The bundle never falls
 * back to the JVM's default locale, so an English-configured PC still gets Chinese unless English is
 * asked for.
 */
public final class Messages {
    private static final String BUNDLE = "org.secrecyguard.ui.messages";
    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Chinese unless the language tag asks for English ("en", "en-US"). */
    public static Messages forLanguage(String languageTag) {
        Locale requested = languageTag == null || languageTag.isBlank()
                ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(languageTag.trim());
        return new Messages(requested.getLanguage().equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
    }

    public static Messages chinese() {
        return forLanguage("zh-CN");
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String level(Level level) {
        return level == null ? get("level.none") : get("level." + level.name());
    }

    public String channel(Channel channel) {
        return get("channel." + channel.name());
    }

    public String action(Action action) {
        return get("action." + action.name());
    }

    /** A degraded-state reason given by code (e.g. "ocr-unavailable"), in words. */
    public String problem(String code) {
        String key = "problem." + code;
        return has(key) ? get(key) : format("problem.unknown", code);
    }
}
