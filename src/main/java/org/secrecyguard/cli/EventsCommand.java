package org.secrecyguard.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.secrecyguard.events.EventFilter;
import org.secrecyguard.events.EventReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code secrecy-guard events list|export}: the event log for IT staff without a collector. Reads the
 * log read-only, so it is safe while the guard runs.
 */
@Command(name = "events",
        description = "Show or export the guard's event log.",
        subcommands = {EventsCommand.ListEvents.class, EventsCommand.ExportEvents.class, CommandLine.HelpCommand.class})
final class EventsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The newest events first, as a table by default. */
    @Command(name = "list", description = "Show the newest events (newest first).")
    static final class ListEvents implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        EventQueryOptions options;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N events (default ${DEFAULT-VALUE}; 0 for all).")
        int limit;

        @Override
        public Integer call() {
            if (limit < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 0 or more");
            }
            return print(spec, options, options.filter(limit, true), EventFormat.TABLE);
        }
    }

    /** Every matching event, oldest first, as NDJSON by default. */
    @Command(name = "export", description = "Export matching events (oldest first); NDJSON by default.")
    static final class ExportEvents implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        EventQueryOptions options;

        @Override
        public Integer call() {
            return print(spec, options, options.filter(0, false), EventFormat.NDJSON);
        }
    }

    static int print(CommandLine.Model.CommandSpec spec, EventQueryOptions options, EventFilter filter,
                     EventFormat fallback) {
        EventFormat format = options.format(fallback);
        long[] rows = {0};
        try (EventReader reader = EventReader.open(options.db)) {
            if (options.out == null) {
                PrintWriter out = spec.commandLine().getOut();
                EventFormat.Sink sink = format.open(out);
                reader.forEach(filter, e -> {
                    sink.write(e);
                    rows[0]++;
                });
                out.flush();
            } else {
                writeFile(options.out, format, reader, filter, rows);
                spec.commandLine().getErr().printf("%d events written to %s%n", rows[0], options.out);
            }
        }
        return ExitCodes.OK;
    }

    private static void writeFile(Path file, EventFormat format, EventReader reader, EventFilter filter, long[] rows) {
        try (PrintWriter out = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8))) {
            if (format == EventFormat.CSV) {
                out.print('\uFEFF'); // so spreadsheet programs read the Chinese text as UTF-8
            }
            EventFormat.Sink sink = format.open(out);
            reader.forEach(filter, e -> {
                sink.write(e);
                rows[0]++;
            });
            out.flush();
            if (out.checkError()) {
                throw new IOException("write failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
