package org.secrecyguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code secrecy-guard bench KIND}: benchmarks that print figures (docs/benchmarks.md records them).
 * Each kind is its own subcommand class.
 */
@Command(name = "bench",
        description = "Measure speed and print figures (see docs/benchmarks.md).",
        subcommands = {
                BenchMarkingCommand.class,
                BenchEventsCommand.class,
                BenchExtractCommand.class,
                BenchTextCommand.class,
                BenchFingerprintCommand.class,
                BenchRulesCommand.class,
                BenchOcrCommand.class,
                BenchClipboardCommand.class,
                BenchOpenCommand.class,
                BenchCheckCommand.class,
                CommandLine.HelpCommand.class
        })
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
