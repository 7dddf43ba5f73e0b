package org.secrecyguard.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point of the benchmarks ({@code installer/bench.sh text --mb 20}): the same {@code bench}
 * subcommands the product once carried, now built with the tests and kept out of the shipped jar.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(newCommandLine(out, err).execute(args));
    }

    /** The {@code bench} command line writing to the given streams (tests read what it prints). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new BenchCommand());
        SecrecyGuardCommand.addHelpOptions(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + ex.getMessage());
            return ExitCodes.ERROR;
        });
        return cl;
    }
}
