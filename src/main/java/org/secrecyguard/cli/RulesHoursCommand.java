package org.secrecyguard.cli;

import java.util.concurrent.Callable;
import org.secrecyguard.policy.WorkHours;
import org.secrecyguard.rules.RuleStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rules hours set}: the regular working week. */
@Command(mixinStandardHelpOptions = true, name = "hours", description = "Regular work hours (outside them the stricter off-hours actions apply).",
        subcommands = {RulesHoursCommand.Set.class, CommandLine.HelpCommand.class})
final class RulesHoursCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(mixinStandardHelpOptions = true, name = "set", description = "Set working days and periods, e.g. --days MON-FRI --periods 08:30-12:00,13:30-18:00")
    static final class Set implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        RulesDbOption db;

        @Option(names = "--days", required = true, paramLabel = "DAYS", description = "e.g. MON-FRI or MON,TUE,THU")
        String days;

        @Option(names = "--periods", required = true, paramLabel = "PERIODS", description = "e.g. 08:30-12:00,13:30-18:00")
        String periods;

        @Override
        public Integer call() {
            WorkHours hours = new WorkHours(WorkHours.parseDays(days), WorkHours.parsePeriods(periods));
            if (hours.periods().isEmpty()) {
                throw new IllegalArgumentException("give at least one work period");
            }
            try (RuleStore store = db.open()) {
                store.setWorkHours(hours);
            }
            spec.commandLine().getOut().println("work hours: " + RulesShowCommand.days(hours) + " "
                    + RulesShowCommand.periods(hours));
            return ExitCodes.OK;
        }
    }
}
