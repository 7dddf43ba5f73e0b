package org.secrecyguard.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.ExternalApp;
import org.secrecyguard.rules.RuleStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rules app add|remove}: the applications through which material leaves, per channel. */
@Command(mixinStandardHelpOptions = true, name = "app", description = "Edit the external applications of a channel (process names such as WeChat.exe).",
        subcommands = {RulesAppCommand.Add.class, RulesAppCommand.Remove.class, CommandLine.HelpCommand.class})
final class RulesAppCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    abstract static class Edit implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        RulesDbOption db;

        @Option(names = "--channel", required = true, paramLabel = "CHANNEL",
                description = "CLIPBOARD, SCREENSHOT, UPLOAD_DIALOG, CHAT_FILE_STORE, or all")
        String channel;

        @Parameters(paramLabel = "NAME", arity = "1..*", description = "Process names, e.g. WeChat.exe or wechat.")
        List<String> names;

        abstract boolean apply(RuleStore store, Channel channel, String name);

        abstract String verb();

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            try (RuleStore store = db.open()) {
                for (Channel ch : RulesArgs.channels(channel)) {
                    for (String name : names) {
                        boolean changed = apply(store, ch, name);
                        out.println(ch + ": " + name.trim() + (changed ? " " + verb() : " unchanged"));
                    }
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "add", description = "Add applications to a channel's external list.")
    static final class Add extends Edit {
        @Option(names = "--family", paramLabel = "NAME", description = "Display group, e.g. WeChat or browser.")
        String family;

        @Override
        boolean apply(RuleStore store, Channel ch, String name) {
            return store.addApp(ch, new ExternalApp(name, family));
        }

        @Override
        String verb() {
            return "added";
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "remove", description = "Remove applications from a channel's external list.")
    static final class Remove extends Edit {
        @Override
        boolean apply(RuleStore store, Channel ch, String name) {
            return store.removeApp(ch, name);
        }

        @Override
        String verb() {
            return "removed";
        }
    }
}
