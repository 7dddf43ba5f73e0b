package org.secrecyguard.cli;

import java.util.concurrent.Callable;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.PolicyEntry;
import org.secrecyguard.rules.RuleStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rules policy set ...}: one cell of the level × channel policy matrix. */
@Command(mixinStandardHelpOptions = true, name = "policy", description = "Edit the level × channel policy matrix.",
        subcommands = {RulesPolicyCommand.Set.class, CommandLine.HelpCommand.class})
final class RulesPolicyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(mixinStandardHelpOptions = true, name = "set", description = {
            "Set the action for a level on a channel, optionally a stricter one outside work hours.",
            "Actions: ALLOW, AUDIT, WARN, BLOCK_OVERRIDABLE, BLOCK. National secrets are always at least audited."})
    static final class Set implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        RulesDbOption db;

        @Option(names = "--level", required = true, paramLabel = "LEVEL")
        String level;

        @Option(names = "--channel", required = true, paramLabel = "CHANNEL",
                description = "CLIPBOARD, SCREENSHOT, REMOVABLE_DRIVE, UPLOAD_DIALOG, CHAT_FILE_STORE, MANUAL_SCAN")
        String channel;

        @Option(names = "--action", required = true, paramLabel = "ACTION")
        String action;

        @Option(names = "--off-hours", paramLabel = "ACTION",
                description = "Stricter action outside work hours, weekends and holidays; 'none' to clear.")
        String offHours;

        @Override
        public Integer call() {
            Level lvl = Level.parse(level);
            Channel ch = RulesArgs.channel(channel);
            Action day = RulesArgs.action(action);
            Action night = offHours == null || offHours.equalsIgnoreCase("none") ? null : RulesArgs.action(offHours);
            var out = spec.commandLine().getOut();
            if (night != null && Action.max(day, night) == day && night != day) {
                out.println("note: the off-hours action " + night + " is milder than " + day + " and will have no effect");
            }
            try (RuleStore store = db.open()) {
                store.setPolicy(new PolicyEntry(lvl, ch, day, night));
            }
            out.println(lvl + " on " + ch + ": " + day + (night == null ? "" : ", off hours " + night));
            if (lvl.isNationalSecret() && day == Action.ALLOW) {
                out.println("note: national secrets are still audited (涉密不上网: always reported)");
            }
            return ExitCodes.OK;
        }
    }
}
