package org.secrecyguard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.secrecyguard.policy.DayType;
import org.secrecyguard.rules.RuleStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rules calendar import}: holidays and make-up working days (调休) from a CSV file. */
@Command(mixinStandardHelpOptions = true, name = "calendar", description = "Holidays and make-up working days (调休).",
        subcommands = {RulesCalendarCommand.Import.class, CommandLine.HelpCommand.class})
final class RulesCalendarCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(mixinStandardHelpOptions = true, name = "import", description = {
            "Import a CSV of date,type lines, type = holiday or workday (休/班 also accepted):",
            "  2026-10-01,holiday", "  2026-09-27,workday",
            "A header line, blank lines and # comments are ignored. Nothing is imported if any line is wrong."})
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        RulesDbOption db;

        @Option(names = "--replace", description = "Remove all existing calendar entries first.")
        boolean replace;

        @Parameters(paramLabel = "FILE", arity = "1")
        Path file;

        @Override
        public Integer call() throws IOException {
            Map<LocalDate, DayType> days = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
            try (RuleStore store = db.open()) {
                store.importCalendar(days, replace);
            }
            long holidays = days.values().stream().filter(t -> t == DayType.HOLIDAY).count();
            spec.commandLine().getOut().println("imported " + days.size() + " dates (" + holidays + " holidays, "
                    + (days.size() - holidays) + " make-up working days)" + (replace ? ", replacing the old calendar" : ""));
            return ExitCodes.OK;
        }

        static Map<LocalDate, DayType> parse(List<String> lines) {
            Map<LocalDate, DayType> days = new TreeMap<>();
            List<String> errors = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).replace("\uFEFF", "").strip();
                if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("date"))) {
                    continue;
                }
                String[] parts = line.split("\\s*[,，]\\s*");
                try {
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("expected date,type");
                    }
                    LocalDate date = LocalDate.parse(parts[0]);
                    DayType type = DayType.parse(parts[1]);
                    DayType before = days.put(date, type);
                    if (before != null && before != type) {
                        throw new IllegalArgumentException(date + " is given as both " + before.id() + " and " + type.id());
                    }
                } catch (DateTimeParseException e) {
                    errors.add("line " + (i + 1) + ": not a date (use YYYY-MM-DD): " + parts[0]);
                } catch (IllegalArgumentException e) {
                    errors.add("line " + (i + 1) + ": " + e.getMessage());
                }
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("calendar not imported:\n  "
                        + String.join("\n  ", errors.subList(0, Math.min(10, errors.size())))
                        + (errors.size() > 10 ? "\n  ... " + (errors.size() - 10) + " more" : ""));
            }
            return days;
        }
    }
}
