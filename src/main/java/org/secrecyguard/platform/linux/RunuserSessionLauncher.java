package org.secrecyguard.platform.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secrecyguard.platform.SessionLauncher;

/**
 * Starts a program as a user in that user's graphical session: the display environment (DISPLAY,
 * XAUTHORITY, WAYLAND_DISPLAY, the session bus, XDG_RUNTIME_DIR, LANG) is taken from a running process
 * of the user that has a display, as {@code /proc/PID/environ} shows it to root, and the program is run
 * with {@code runuser} (util-linux, on every Debian/UOS/Kylin). A user without a display process has no
 * desktop session to start it in, and nothing is started.
 */
public final class RunuserSessionLauncher implements SessionLauncher {
    private static final List<String> SESSION_VARIABLES = List.of("DISPLAY", "XAUTHORITY", "WAYLAND_DISPLAY",
            "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "XDG_SESSION_TYPE", "LANG");
    private final List<String> command;
    private final Path proc;

    /** @param command the program and its arguments (the tray app) */
    public RunuserSessionLauncher(List<String> command) {
        this(command, Path.of("/proc"));
    }

    RunuserSessionLauncher(List<String> command, Path proc) {
        this.command = List.copyOf(command);
        this.proc = proc;
    }

    @Override
    public Launch launch(String user) {
        Optional<Map<String, String>> session = sessionEnvironment(user);
        if (session.isEmpty()) {
            return new Launch(false, "no desktop session of " + user + " found");
        }
        List<String> argv = new ArrayList<>(List.of("runuser", "-u", user, "--", "env"));
        session.get().forEach((k, v) -> argv.add(k + "=" + v));
        argv.addAll(command);
        try {
            new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return new Launch(true, "started again in the session on " + session.get().getOrDefault("DISPLAY",
                    session.get().getOrDefault("WAYLAND_DISPLAY", "?")));
        } catch (IOException e) {
            return new Launch(false, "could not start runuser: " + e.getMessage());
        }
    }

    /** The display environment of one of the user's processes that has a display. */
    Optional<Map<String, String>> sessionEnvironment(String user) {
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path pid : pids) {
                Optional<Map<String, String>> env = displayEnvironment(pid, user);
                if (env.isPresent()) {
                    return env;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Map<String, String>> displayEnvironment(Path pid, String user) {
        try {
            if (!Files.getOwner(pid).getName().equals(user)) {
                return Optional.empty();
            }
            byte[] raw = Files.readAllBytes(pid.resolve("environ"));
            Map<String, String> found = new LinkedHashMap<>();
            for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
                int eq = entry.indexOf('=');
                if (eq > 0 && SESSION_VARIABLES.contains(entry.substring(0, eq))) {
                    found.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
            return found.containsKey("DISPLAY") || found.containsKey("WAYLAND_DISPLAY") ? Optional.of(found)
                    : Optional.empty();
        } catch (IOException | RuntimeException gone) {
            return Optional.empty(); // exited meanwhile, or a kernel thread
        }
    }
}
