package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A run builds only the commands it needs; usage and mistakes still see all of them. */
class SecrecyGuardCommandNeededTest {
    private final List<Object> all = List.of(ScanCommand.class, CheckCommand.class, EventsCommand.class,
            picocli.CommandLine.HelpCommand.class);

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertEquals(List.of(CheckCommand.class), SecrecyGuardCommand.needed(all, "check", "--full", "/home"));
        assertEquals(List.of(EventsCommand.class), SecrecyGuardCommand.needed(all, "events", "export"));
    }

    @Test
    void versionNeedsNoneAndEverythingElseNeedsAll() {
        assertEquals(List.of(), SecrecyGuardCommand.needed(all, "--version"));
        assertEquals(List.of(), SecrecyGuardCommand.needed(all, "-V"));
        assertEquals(all, SecrecyGuardCommand.needed(all));
        assertEquals(all, SecrecyGuardCommand.needed(all, "--help"));
        assertEquals(all, SecrecyGuardCommand.needed(all, "help", "check"));
        assertEquals(all, SecrecyGuardCommand.needed(all, "chek"), "picocli suggests the nearest name from all");
    }
}
