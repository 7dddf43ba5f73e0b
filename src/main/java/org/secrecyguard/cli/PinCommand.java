package org.secrecyguard.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.secrecyguard.policy.AdminPin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code secrecy-guard pin-hash}: turns the admin PIN chosen by IT into the line to put in the app's
 * configuration file. The PIN is read from the console without echo (twice), or as one line from
 * standard input when there is no console (deployment scripts).
 */
@Command(name = "pin-hash", description = "Hash an admin PIN for secrecy-guard.properties (admin.pin.hash=...).")
final class PinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        char[] pin;
        Console console = System.console();
        if (console != null) {
            pin = console.readPassword("Admin PIN (at least %d characters): ", AdminPin.MIN_LENGTH);
            char[] again = console.readPassword("Repeat: ");
            if (pin == null || again == null || !Arrays.equals(pin, again)) {
                spec.commandLine().getErr().println("error: the two PINs differ");
                return ExitCodes.ERROR;
            }
            Arrays.fill(again, '\0');
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            pin = line == null ? new char[0] : line.strip().toCharArray();
        }
        try {
            spec.commandLine().getOut().println("admin.pin.hash=" + AdminPin.hash(pin));
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.ERROR;
        } finally {
            Arrays.fill(pin, '\0');
        }
    }
}
