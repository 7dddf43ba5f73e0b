package org.secrecyguard.cli;

import java.util.concurrent.Callable;
import org.secrecyguard.rules.RuleStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rules selfcheck set|clear}: the unit-wide weekly self-check slot carried in the signed bundle. */
@Command(mixinStandardHelpOptions = true, name = "selfcheck", description = {
        "The weekly self-check slot every PC follows (it wins over a site's selfcheck.weekly).",
        "Without one in the rules, each site's own setting applies."},
        subcommands = {RulesSelfCheckCommand.Set.class, RulesSelfCheckCommand.Clear.class, CommandLine.HelpCommand.class})
final class RulesSelfCheckCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(mixinStandardHelpOptions = true, name = "set",
            description = "Set the slot, local time of each PC: e.g. \"MON 12:30\"; \"off\" = no scheduled check anywhere.")
    static final class Set implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        RulesDbOption db;

        @Parameters(arity = "1..2", paramLabel = "SLOT", description = "DAY HH:MM (MON..SUN), or off")
        java.util.List<String> slot;

        @Override
        public Integer call() {
            String stored;
            try (RuleStore store = db.open()) {
                stored = store.setSelfCheckSchedule(String.join(" ", slot));
            }
            spec.commandLine().getOut().println("self-check schedule: " + stored
                    + " (in the next bundle; it wins over the sites' selfcheck.weekly)");
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "clear",
            description = "Remove the slot from the rules: each site's selfcheck.weekly applies again.")
    static final class Clear implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        RulesDbOption db;

        @Override
        public Integer call() {
            try (RuleStore store = db.open()) {
                store.clearSelfCheckSchedule();
            }
            spec.commandLine().getOut().println("self-check schedule: left to each site (selfcheck.weekly)");
            return ExitCodes.OK;
        }
    }
}
