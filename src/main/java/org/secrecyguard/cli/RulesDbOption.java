package org.secrecyguard.cli;

import java.nio.file.Path;
import org.secrecyguard.rules.RuleStore;
import picocli.CommandLine.Option;

/** The {@code --db DB} option shared by the rules subcommands (a picocli mixin). */
final class RulesDbOption {
    @Option(names = "--db", required = true, paramLabel = "DB", description = "Rules database file.")
    Path db;

    RuleStore open() {
        return RuleStore.open(db);
    }
}
