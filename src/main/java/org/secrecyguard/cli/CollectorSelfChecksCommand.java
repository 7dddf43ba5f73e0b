package org.secrecyguard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.secrecyguard.events.collect.JdbcCollectorStore;
import org.secrecyguard.events.collect.PcSelfCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code collector self-checks --db DB [--overdue-days N] [--all] [--json]}: the PCs the collector knows
 * (any event from them) that have no completed self-check in the last N days, with each one's last check
 * and its flagged counts by level. Exit status 0 when none is overdue, 1 when some are (for IT's scripts),
 * 2 on an error.
 */
@Command(mixinStandardHelpOptions = true, name = "self-checks", description = {
        "PCs without a completed self-check (保密自查) in the last N days, with their last check and flagged counts.",
        "Exit status: 0 none overdue, 1 some overdue, 2 error."})
final class CollectorSelfChecksCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL_OR_FILE",
            description = "The collector's database (as given to collect --db).")
    String db;

    @Option(names = "--overdue-days", paramLabel = "N", defaultValue = "8",
            description = "A PC is overdue without a completed check in the last N days (default ${DEFAULT-VALUE}).")
    int overdueDays;

    @Option(names = "--all", description = "List every PC, marking the overdue ones.")
    boolean all;

    @Option(names = "--json", description = "One JSON object per PC, one per line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (overdueDays < 1 || overdueDays > 3660) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--overdue-days must be 1..3660");
        }
        if (!db.startsWith("jdbc:") && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(db))) {
            // opening would create an empty store and report "0 of 0 PCs", hiding a typo
            throw new CommandLine.ParameterException(spec.commandLine(), "--db: no collector database at " + db);
        }
        Clock clock = Clock.systemDefaultZone();
        List<PcSelfCheck> pcs;
        try (JdbcCollectorStore store = JdbcCollectorStore.open(db)) {
            pcs = store.selfChecks();
        }
        Instant since = clock.instant().minus(Duration.ofDays(overdueDays));
        List<PcSelfCheck> overdue = pcs.stream().filter(p -> p.overdue(since)).toList();
        PrintWriter out = spec.commandLine().getOut();
        List<PcSelfCheck> shown = all ? pcs : overdue;
        if (json) {
            for (PcSelfCheck p : shown) {
                out.println(JsonRows.MAPPER.writeValueAsString(row(p, p.overdue(since))));
            }
        } else {
            ZoneId zone = clock.getZone();
            if (!shown.isEmpty()) {
                out.printf("%-24s %-8s %-16s %-28s %-8s %s%n", "PC", "overdue", "last self-check", "flagged", "files",
                        "last seen");
            }
            for (PcSelfCheck p : shown) {
                out.printf("%-24s %-8s %-16s %-28s %-8s %s%n", p.host(), p.overdue(since) ? "yes" : "no",
                        p.lastCompleted() == null ? "never" : TIME.format(p.lastCompleted().atZone(zone)),
                        p.lastCompleted() == null ? "-" : flagged(p), p.files() < 0 ? "-" : Long.toString(p.files()),
                        TIME.format(p.lastSeen().atZone(zone)));
            }
            out.println(overdue.size() + " of " + pcs.size() + " PCs without a completed self-check in the last "
                    + overdueDays + " days");
        }
        out.flush();
        return overdue.isEmpty() ? ExitCodes.OK : ExitCodes.FLAGGED;
    }

    private static String flagged(PcSelfCheck p) {
        if (p.flagged() < 0) {
            return "?";
        }
        return p.flagged() + (p.flaggedByLevel().isEmpty() ? "" : p.flaggedByLevel().entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",", " (", ")")));
    }

    private static ObjectNode row(PcSelfCheck p, boolean overdue) {
        ObjectNode o = JsonRows.MAPPER.createObjectNode();
        o.put("host", p.host());
        o.put("overdue", overdue);
        if (p.lastCompleted() == null) {
            o.putNull("lastSelfCheck");
        } else {
            o.put("lastSelfCheck", p.lastCompleted().toString());
            o.put("user", p.user());
            o.put("rulesVersion", p.rulesVersion());
            o.put("files", p.files());
            o.put("flagged", p.flagged());
            ObjectNode levels = o.putObject("flaggedByLevel");
            p.flaggedByLevel().forEach(levels::put);
            o.put("errors", p.errors());
        }
        o.put("lastSeen", p.lastSeen().toString());
        o.put("events", p.events());
        return o;
    }

    /** Built on first use: picocli creates every command object at start-up, and a mapper costs ~0.1 s there. */
    private static final class JsonRows {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
