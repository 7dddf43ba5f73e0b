package org.secrecyguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code secrecy-guard collector ...}: views for IT over what a collector ({@code collect}) stored, read
 * from its database. {@code collect} runs the server; these only read.
 */
@Command(mixinStandardHelpOptions = true, name = "collector",
        description = "Read what the event collector stored (run the collector itself with: collect).",
        subcommands = {CollectorSelfChecksCommand.class, CommandLine.HelpCommand.class})
final class CollectorCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
