package org.secrecyguard.cli;

import java.util.concurrent.Callable;
import org.secrecyguard.events.collect.AgentTokens;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code keys token}: prints a new random agent token for the collector's tokens file. */
@Command(mixinStandardHelpOptions = true, name = "token", description = {
        "Print a new random agent token (64 hex characters). Put it in the collector's --tokens file, e.g.",
        "\"县委办 <token>\", and in collector.token of the agents of that site."})
final class KeysTokenCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(AgentTokens.newToken());
        return ExitCodes.OK;
    }
}
