package org.secrecyguard.cli;

import java.util.concurrent.Callable;
import org.secrecyguard.rules.RuleStore;
import org.secrecyguard.rules.RulesInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rules init --db DB}: a new rules database with the built-in defaults and a fresh deployment key. */
@Command(mixinStandardHelpOptions = true, name = "init", description = "Create a rules database with the built-in defaults and a new deployment key.")
final class RulesInitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesDbOption db;

    @Override
    public Integer call() {
        try (RuleStore store = RuleStore.create(db.db)) {
            RulesInfo info = store.info();
            var out = spec.commandLine().getOut();
            out.println("created " + db.db + " (schema " + info.schemaVersion() + ")");
            out.println("a random deployment key was generated: keywords and documents are stored only as keyed hashes.");
            out.println("Keep this database and its bundles inside the unit: with the key, a guessed term can be checked.");
        }
        return ExitCodes.OK;
    }
}
