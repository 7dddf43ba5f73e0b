package org.secrecyguard.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the benchmarks ({@code installer/bench.sh text --mb 20}): the same {@code bench}
 * subcommands the product once carried, now built with the tests and kept out of the shipped jar.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        picocli.CommandLine cl = new picocli.CommandLine(new BenchCommand());
        cl.getCommandSpec().mixinStandardHelpOptions(true);
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + ex.getMessage());
            return ExitCodes.ERROR;
        });
        System.exit(cl.execute(args));
    }
}
