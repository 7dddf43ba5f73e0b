package org.secrecyguard.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: {@code secrecy-guard SUBCOMMAND ...}. */
@Command(name = "secrecy-guard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "SecrecyGuard (保密卫士): finds classified and internal material on this PC.",
        subcommands = {
                ScanCommand.class,
                CheckCommand.class,
                PinCommand.class,
                EventsCommand.class,
                CollectCommand.class,
                CollectorCommand.class,
                KeysCommand.class,
                RulesCommand.class,
                CommandLine.HelpCommand.class
        })
public final class SecrecyGuardCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Every command answers --help and --version, whether or not its class asked for them. */
    static void addHelpOptions(CommandLine cl) {
        if (!cl.getCommandSpec().mixinStandardHelpOptions()) {
            cl.getCommandSpec().mixinStandardHelpOptions(true);
        }
        cl.getSubcommands().values().forEach(SecrecyGuardCommand::addHelpOptions);
    }

    /** Runs the command line and returns the exit status. */
    public static int run(String... args) {
        return run(java.util.List.of(), args);
    }

    /**
     * Runs the command line with commands of outer packages added (the app adds {@code guard-service},
     * which wires the app's parts: cli must not depend on app).
     */
    public static int run(java.util.List<Object> moreCommands, String... args) {
        CommandLine cl = newCommandLine(
                new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        for (Object command : moreCommands) {
            CommandLine sub = new CommandLine(command);
            addHelpOptions(sub);
            cl.addSubcommand(sub);
        }
        return cl.execute(args);
    }

    /** A configured command line writing to the given streams (tests pass their own). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SecrecyGuardCommand());
        addHelpOptions(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + ex.getMessage());
            return ExitCodes.ERROR;
        });
        return cl;
    }
}
