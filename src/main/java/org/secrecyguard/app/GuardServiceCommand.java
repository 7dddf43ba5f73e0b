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
 * {@code secrecy-guard guard-service}: the privileged system service (root, started by systemd) that
 * holds the on-access guard. Runs until stopped.
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
        try (GuardService service = GuardService.start(config, roots)) {
            spec.commandLine().getOut().println("guarding " + roots + "; rules " + service.rulesVersion());
            spec.commandLine().getOut().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "guard-service-stop"));
            service.awaitStop();
        }
        return 0;
    }
}
