package org.secrecyguard.app;

import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.secrecyguard.channel.GuardAlert;
import org.secrecyguard.channel.UserNotifier;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.rules.PopupText;
import org.secrecyguard.rules.PopupTexts;
import org.secrecyguard.ui.AlertView;
import org.secrecyguard.ui.GuardUi;
import org.secrecyguard.ui.Messages;

/**
 * Turns a channel's alert into a popup: picks the main finding (highest level, markings first), adds
 * the explanation and advice the rules in force give for that level and channel, and marks the tray
 * red after a block.
 */
final class PopupNotifier implements UserNotifier {
    private final GuardUi ui;
    private final Messages messages;
    private final Supplier<PopupTexts> texts;
    private final GuardStatus status;

    PopupNotifier(GuardUi ui, Messages messages, Supplier<PopupTexts> texts, GuardStatus status) {
        this.ui = ui;
        this.messages = messages;
        this.texts = texts;
        this.status = status;
    }

    @Override
    public void warn(GuardAlert alert) {
        ui.showWarn(view(alert));
    }

    @Override
    public void blocked(GuardAlert alert) {
        status.alerted(alert.time());
        ui.showBlock(view(alert));
    }

    @Override
    public CompletableFuture<Optional<String>> askOverride(GuardAlert alert) {
        status.alerted(alert.time());
        return ui.askOverride(view(alert));
    }

    AlertView view(GuardAlert a) {
        Level level = a.verdict().highest().orElse(Level.INTERNAL);
        Finding main = mainFinding(a, level);
        boolean marking = main != null
                && (main.detector() == DetectorType.MARKING || main.detector() == DetectorType.FILENAME);
        String locale = messages.locale().getLanguage().equals("en") ? PopupTexts.EN : PopupTexts.ZH_CN;
        Optional<PopupText> text = texts.get().find(level, a.channel(), locale);
        return new AlertView(a.action(), a.channel(), level, marking, main == null ? "" : main.rule(),
                main == null ? "" : main.evidence(), a.contentKind().id(), a.destinationApp(),
                text.map(PopupText::advice).orElse(messages.get("advice.fallback")),
                text.map(PopupText::explanation).orElse(messages.get("basis.fallback")), a.time());
    }

    static Finding mainFinding(GuardAlert a, Level level) {
        return a.verdict().findings().stream()
                .filter(f -> f.level() == level)
                .min(Comparator.comparing((Finding f) -> f.detector() != DetectorType.MARKING))
                .orElse(null);
    }
}
