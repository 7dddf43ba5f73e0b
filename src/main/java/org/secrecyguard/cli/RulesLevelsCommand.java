package org.secrecyguard.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.secrecyguard.engine.Level;
import org.secrecyguard.rules.RuleStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rules levels --db DB [LEVEL...]}: which markings the marking detector flags. */
@Command(mixinStandardHelpOptions = true, name = "levels", description = {
        "Show or set the levels whose markings are flagged, e.g. rules levels --db DB TOP_SECRET SECRET CONFIDENTIAL WORK_SECRET.",
        "National-secret levels cannot be switched off: on an internet-connected PC they are always reported."})
final class RulesLevelsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesDbOption db;

    @Parameters(paramLabel = "LEVEL", arity = "0..*")
    List<String> levels;

    @Override
    public Integer call() {
        try (RuleStore store = db.open()) {
            if (levels != null && !levels.isEmpty()) {
                Set<Level> set = EnumSet.noneOf(Level.class);
                for (String l : levels) {
                    set.add(Level.parse(l));
                }
                store.setMarkingLevels(set);
            }
            spec.commandLine().getOut().println("marking levels: " + store.markingLevels().stream().sorted()
                    .map(Level::name).collect(Collectors.joining(", ")));
        }
        return ExitCodes.OK;
    }
}
