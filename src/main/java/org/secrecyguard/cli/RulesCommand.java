package org.secrecyguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code secrecy-guard rules ...}: author the rules database, sign bundles, verify them. Each action is its own
 * subcommand class; add new ones (e.g. document registration) to the list below.
 */
@Command(mixinStandardHelpOptions = true, name = "rules",
        description = "Author rules (keywords, policy, applications, devices, calendar), sign and verify bundles.",
        subcommands = {
                RulesInitCommand.class,
                RulesKeywordCommand.class,
                RulesPolicyCommand.class,
                RulesAppCommand.class,
                RulesUsbCommand.class,
                RulesCalendarCommand.class,
                RulesHoursCommand.class,
                RulesLevelsCommand.class,
                RulesPopupCommand.class,
                RulesSelfCheckCommand.class,
                RulesShowCommand.class,
                RulesBundleCommand.class,
                RulesVerifyCommand.class,
                RulesRegisterCommand.class,
                RulesUnregisterCommand.class,
                RulesListCommand.class,
                CommandLine.HelpCommand.class
        })
final class RulesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
