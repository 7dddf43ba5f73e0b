package org.secrecyguard.app;

import org.secrecyguard.cli.SecrecyGuardCommand;

/**
 * Entry point. With no arguments it starts the resident tray app; with a subcommand it is the command
 * line and never touches JavaFX (the tray classes are only loaded on the no-argument path).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            TrayAppLauncher.launch();
            return;
        }
        System.exit(SecrecyGuardCommand.run(java.util.List.of(new GuardServiceCommand()), args));
    }
}
