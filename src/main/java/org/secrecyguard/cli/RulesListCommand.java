package org.secrecyguard.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.secrecyguard.rules.DocumentSummary;
import org.secrecyguard.rules.RuleStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rules list}: the registered documents (id, level, title, size), never their text. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List registered documents.", "  rules list --db DB"})
final class RulesListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesDbOption db;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RuleStore store = db.open()) {
            List<DocumentSummary> docs = store.documentSummaries();
            for (DocumentSummary d : docs) {
                out.println("#" + d.id() + "  " + d.level() + "  «" + d.title() + "»  " + d.textLength()
                        + " chars, " + d.fingerprintCount() + " fingerprints");
            }
            out.println(docs.size() + " registered documents");
        }
        return ExitCodes.OK;
    }
}
