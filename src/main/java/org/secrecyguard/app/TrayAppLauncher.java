package org.secrecyguard.app;

/** Starts the resident tray application (placeholder until the tray-app issue lands). */
final class TrayAppLauncher {
    private TrayAppLauncher() {
    }

    static void launch() {
        System.out.println("SecrecyGuard tray app: not built yet. Use a subcommand, e.g. 'scan --help'.");
    }
}
