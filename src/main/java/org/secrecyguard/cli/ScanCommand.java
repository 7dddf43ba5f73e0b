package org.secrecyguard.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: the scan command is built with the scanner (issue 2, section 5). */
@Command(name = "scan", description = "Scan files or folders for classified markings.")
final class ScanCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return ExitCodes.ERROR;
    }
}
