package org.secrecyguard.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: {@code secrecy-guard SUBCOMMAND ...}. */
@Command(name = "secrecy-guard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "SecrecyGuard (保密卫士): finds classified and internal material on this PC.")
public final class SecrecyGuardCommand implements Runnable {
    /**
     * The subcommands, added in code rather than by the annotation: picocli builds the model of every
     * command it is given (reflection over each option, about 0.15 s of every start), and one run needs one.
     */
    private static final java.util.List<Class<?>> COMMANDS = java.util.List.of(ScanCommand.class, CheckCommand.class,
            PinCommand.class, EventsCommand.class, CollectCommand.class, CollectorCommand.class, KeysCommand.class,
            RulesCommand.class, CommandLine.HelpCommand.class);

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
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        java.util.List<Object> all = new java.util.ArrayList<>(COMMANDS);
        all.addAll(moreCommands);
        return newCommandLine(out, err, needed(all, args)).execute(args);
    }

    /**
     * The subcommands a run with these arguments needs: the one named first, none for --version, and all
     * of them for anything else (usage, {@code help}, and picocli's "did you mean" for a mistyped name).
     */
    static java.util.List<Object> needed(java.util.List<Object> commands, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return java.util.List.of();
        }
        if (args.length > 0 && !args[0].equals("help")) {
            for (Object c : commands) {
                Command a = (c instanceof Class<?> k ? k : c.getClass()).getAnnotation(Command.class);
                if (a != null && (a.name().equals(args[0]) || java.util.Arrays.asList(a.aliases()).contains(args[0]))) {
                    return java.util.List.of(c);
                }
            }
        }
        return commands;
    }

    /** A configured command line with every subcommand, writing to the given streams (tests pass their own). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        return newCommandLine(out, err, new java.util.ArrayList<>(COMMANDS));
    }

    private static CommandLine newCommandLine(PrintWriter out, PrintWriter err, java.util.List<Object> commands) {
        CommandLine cl = new CommandLine(new SecrecyGuardCommand());
        for (Object command : commands) {
            cl.addSubcommand(command instanceof Class<?> k ? new CommandLine(k) : new CommandLine(command));
        }
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
