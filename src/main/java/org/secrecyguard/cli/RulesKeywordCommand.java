package org.secrecyguard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.keyword.KeywordHasher;
import org.secrecyguard.engine.keyword.KeywordRule;
import org.secrecyguard.rules.KeywordAddition;
import org.secrecyguard.rules.RuleStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rules keyword}: add sensitive terms (stored as keyed hashes only), remove them by id, list them.
 * Terms are never printed back: the output names rule ids and lengths.
 */
@Command(mixinStandardHelpOptions = true, name = "keyword", description = {
        "Add sensitive terms (stored only as keyed hashes), remove them by id, or list them.",
        "  rules keyword --db DB --level SECRET WORD...",
        "  rules keyword --db DB --level SECRET --from FILE",
        "      (one term per line; - reads stdin, which keeps terms out of the shell history)",
        "  rules keyword --db DB --remove kw:17",
        "  rules keyword --db DB --list"})
final class RulesKeywordCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesDbOption db;

    @Option(names = "--level", paramLabel = "LEVEL", description = "TOP_SECRET, SECRET, CONFIDENTIAL, WORK_SECRET, INTERNAL (or 绝密, 机密, ...).")
    String level;

    @Option(names = "--from", paramLabel = "FILE", description = "Read terms from a UTF-8 file, one per line (- = standard input).")
    String from;

    @Option(names = "--remove", paramLabel = "ID", arity = "1..*", description = "Remove keyword rules by id (kw:17 or 17).")
    List<String> remove;

    @Option(names = "--list", description = "List keyword rule ids and levels.")
    boolean list;

    @Parameters(paramLabel = "WORD", arity = "0..*", description = "Terms to add.")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int modes = (remove != null ? 1 : 0) + (list ? 1 : 0) + (level != null ? 1 : 0);
        if (modes != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give exactly one of --level (to add), --remove or --list");
        }
        try (RuleStore store = db.open()) {
            if (list) {
                int wholeTerm = 0;
                for (KeywordRule r : store.keywords()) {
                    boolean old = r.prefilterLength() != KeywordHasher.anchorLength(r.length());
                    wholeTerm += old ? 1 : 0;
                    out.println(r.id() + "  " + r.level() + "  " + r.length() + " chars"
                            + (old ? "  (hashed before anchors)" : ""));
                }
                out.println(store.keywords().size() + " keyword rules");
                if (wholeTerm > 0) {
                    out.println(wholeTerm + " rules were hashed before anchors: they match, but each distinct"
                            + " length costs scanning time; adding the same terms again re-hashes them in place");
                }
                return ExitCodes.OK;
            }
            if (remove != null) {
                int missing = 0;
                for (String id : remove) {
                    boolean removed = store.removeKeyword(id.trim());
                    out.println((removed ? "removed " : "no such rule: ") + id.trim());
                    missing += removed ? 0 : 1;
                }
                return missing == 0 ? ExitCodes.OK : ExitCodes.ERROR;
            }
            return add(store, Level.parse(level), out);
        }
    }

    private int add(RuleStore store, Level lvl, PrintWriter out) throws IOException {
        List<String> terms = new ArrayList<>(words);
        if (from != null) {
            terms.addAll(readTerms(from));
        }
        terms.replaceAll(String::strip);
        terms.removeIf(String::isEmpty);
        if (terms.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no terms given (WORD... or --from FILE)");
        }
        KeywordHasher hasher = new KeywordHasher(store.deploymentKey());
        // Check every term before anything is stored; the hasher's messages never repeat the term.
        for (int i = 0; i < terms.size(); i++) {
            try {
                hasher.rule("term " + (i + 1), lvl, terms.get(i));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        List<Function<String, KeywordRule>> builds = new ArrayList<>();
        for (String term : terms) {
            builds.add(id -> hasher.rule(id, lvl, term));
        }
        List<KeywordAddition> results = store.addKeywords(builds);
        for (KeywordAddition r : results) {
            String what = switch (r.outcome()) {
                case ADDED -> "added";
                case ALREADY_PRESENT -> "already present";
                case LEVEL_CHANGED -> "level changed";
            };
            out.println(r.id() + "  " + r.level() + "  " + what);
        }
        out.println(results.stream().filter(r -> r.outcome() == KeywordAddition.Outcome.ADDED).count()
                + " added; terms are stored only as keyed hashes");
        return ExitCodes.OK;
    }

    private static List<String> readTerms(String from) throws IOException {
        if (from.equals("-")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return r.lines().toList();
        }
        return Files.readAllLines(Path.of(from), StandardCharsets.UTF_8);
    }
}
