package org.secrecyguard.cli;

import java.util.concurrent.Callable;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.rules.PopupText;
import org.secrecyguard.rules.PopupTexts;
import org.secrecyguard.rules.RuleSnapshot;
import org.secrecyguard.rules.RuleStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rules popup show|set}: what the popup tells the user, per level (and channel) and language. */
@Command(mixinStandardHelpOptions = true, name = "popup", description = "Show or edit popup texts (zh_CN and en).",
        subcommands = {RulesPopupCommand.Show.class, RulesPopupCommand.Set.class, CommandLine.HelpCommand.class})
final class RulesPopupCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    abstract static class Target {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        RulesDbOption db;

        @Option(names = "--level", required = true, paramLabel = "LEVEL")
        String level;

        @Option(names = "--channel", paramLabel = "CHANNEL", description = "A channel, or omit for every channel.")
        String channel;

        @Option(names = "--locale", defaultValue = PopupTexts.ZH_CN, paramLabel = "LOCALE",
                description = "zh_CN (default) or en.")
        String locale;

        Channel channelOrNull() {
            return channel == null ? null : RulesArgs.channel(channel);
        }

        String checkedLocale() {
            if (!locale.equals(PopupTexts.ZH_CN) && !locale.equals(PopupTexts.EN)) {
                throw new IllegalArgumentException("locale must be zh_CN or en: " + locale);
            }
            return locale;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "show",
            description = "Print the text a popup would show (with the fallbacks applied).")
    static final class Show extends Target implements Callable<Integer> {
        @Override
        public Integer call() {
            RuleSnapshot s;
            try (RuleStore store = db.open()) {
                s = store.loadSnapshot();
            }
            var out = spec.commandLine().getOut();
            var text = s.popups().find(Level.parse(level), channelOrNull(), checkedLocale());
            if (text.isEmpty()) {
                out.println("no text for this level");
                return ExitCodes.ERROR;
            }
            out.println("explanation: " + text.get().explanation());
            out.println("advice:      " + text.get().advice());
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "set", description = "Set the text for a level (and channel) and language.")
    static final class Set extends Target implements Callable<Integer> {
        @Option(names = "--explanation", required = true, paramLabel = "TEXT", description = "The rule, in plain words.")
        String explanation;

        @Option(names = "--advice", required = true, paramLabel = "TEXT", description = "What the user should do now.")
        String advice;

        @Override
        public Integer call() {
            if (explanation.isBlank() || advice.isBlank()) {
                throw new IllegalArgumentException("explanation and advice must not be empty");
            }
            PopupText t = new PopupText(Level.parse(level), channelOrNull(), checkedLocale(), explanation.strip(),
                    advice.strip());
            try (RuleStore store = db.open()) {
                store.setPopupText(t);
            }
            spec.commandLine().getOut().println("popup text set for " + t.level()
                    + (t.channel() == null ? " (every channel)" : " on " + t.channel()) + ", " + t.locale());
            return ExitCodes.OK;
        }
    }
}
