package org.secrecyguard.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code secrecy-guard guard-service}: the privileged system service (root, started by systemd; on
 * Windows LocalSystem, started by the service control manager with {@code --windows-service}) that
 * holds the on-access guard, the rules and the tamper watch. Runs until stopped.
 */
@Command(name = "guard-service", description = {
        "Run the system service: the on-access guard that stops chat clients, browsers and cloud drives",
        "from reading flagged files (Linux, root). Started by systemd; runs until stopped."})
final class GuardServiceCommand implements Callable<Integer> {
    static final Path DEFAULT_HOME = InstalledPaths.CURRENT.serviceHome();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", description = "Service data folder (default ${DEFAULT-VALUE}).")
    Path home = DEFAULT_HOME;

    @Option(names = "--watch", paramLabel = "DIR", description = {
            "A folder whose filesystem is guarded; repeatable.",
            "Default: those of /home, /media, /run/media and /mnt that exist."})
    List<Path> watch = new ArrayList<>();

    @Option(names = "--windows-service", description = {
            "Run under the Windows service control manager (the MSI's SecrecyGuard service starts it so)."})
    boolean windowsService;

    /** The Windows service's name (installer/windows/secrecy-guard.wxs installs it). */
    static final String WINDOWS_SERVICE_NAME = "SecrecyGuard";

    @Override
    public Integer call() throws Exception {
        List<Path> roots = new ArrayList<>(watch);
        if (roots.isEmpty()) {
            for (String p : List.of("/home", "/media", "/run/media", "/mnt")) {
                if (Files.isDirectory(Path.of(p))) {
                    roots.add(Path.of(p));
                }
            }
        }
        Optional<SiteSettings> site = SiteSettings.installed();
        AppConfig config = site.isPresent() ? site.get().forService(home) : AppConfig.load(home);
        if (windowsService) {
            return org.secrecyguard.platform.Platforms.serviceHost().run(WINDOWS_SERVICE_NAME,
                    () -> GuardService.start(config, roots));
        }
        try (GuardService service = GuardService.start(config, roots)) {
            spec.commandLine().getOut().println("guarding " + roots + "; rules " + service.rulesVersion());
            spec.commandLine().getOut().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "guard-service-stop"));
            service.awaitStop();
        }
        return 0;
    }
}
