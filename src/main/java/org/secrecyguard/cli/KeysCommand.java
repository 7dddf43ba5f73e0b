package org.secrecyguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code secrecy-guard keys ...}: signing keys for rule bundles, agent tokens for the collector. */
@Command(mixinStandardHelpOptions = true, name = "keys",
        description = "Manage the Ed25519 keys that sign rule bundles, and the collector's agent tokens.",
        subcommands = {
                KeysGenerateCommand.class,
                KeysTokenCommand.class,
                CommandLine.HelpCommand.class
        })
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
