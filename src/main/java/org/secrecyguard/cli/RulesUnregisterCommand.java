package org.secrecyguard.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.secrecyguard.rules.RuleStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rules unregister}: removes registered documents by id. */
@Command(name = "unregister", mixinStandardHelpOptions = true,
        description = {"Remove registered documents by id.", "  rules unregister --db DB ID..."})
final class RulesUnregisterCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesDbOption db;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "Document ids (12 or #12).")
    List<String> ids;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int missing = 0;
        try (RuleStore store = db.open()) {
            for (String raw : ids) {
                String id = raw.strip().replaceFirst("^#", "");
                long parsed;
                try {
                    parsed = Long.parseLong(id);
                } catch (NumberFormatException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "not a document id: " + raw);
                }
                boolean removed = store.removeDocument(parsed);
                out.println((removed ? "removed #" : "no such document: #") + parsed);
                missing += removed ? 0 : 1;
            }
        }
        return missing == 0 ? ExitCodes.OK : ExitCodes.ERROR;
    }
}
