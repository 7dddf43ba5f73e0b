package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.testing.NotifySocket;

/**
 * The Debian package as IT installs it, on this machine (root): build with installer/package.sh, lintian
 * without errors, dpkg -i, the installed command scans a marked file, the state and settings folders are
 * root's and a real unprivileged user cannot change them, the unit verifies, the installed service runs,
 * a reinstall keeps the event log, and purge leaves only the event log. Takes 2-3 minutes on 2 cores the
 * first time (the .deb is cached by a hash of the classes and packaging inputs).
 */
@EnabledIf("rootOnDebian")
class DebPackageTest {
    private static final Path STATE = Path.of("/var/lib/secrecy-guard");
    private static final Path ETC = Path.of("/etc/secrecy-guard");
    private static final Path SHARED_CLASSES = Path.of("/var/cache/secrecy-guard/classes.jsa");
    private static final String TOKEN = "tok-preseeded-" + ProcessHandle.current().pid();
    private static final String USER = "sgdeb" + ProcessHandle.current().pid();

    static boolean rootOnDebian() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/dpkg"));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        run(60, "userdel", "-r", USER);
        run(300, "dpkg", "--purge", "secrecy-guard");
        run(30, "rm", "-rf", STATE.toString());
    }

    @Test
    void installsScansKeepsUsersOutAndPurgesToTheEventLog(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        Result built = run(900, List.of("bash", "installer/package.sh"), List.of("SG_JAR_FROM_CLASSES=1"));
        assertEquals(0, built.exit(), built.out());
        // The path is the last thing package.sh prints; Maven may leave terminal escapes before it.
        Matcher debPath = Pattern.compile("target/\\S+?\\.deb").matcher(built.out());
        String last = null;
        while (debPath.find()) {
            last = debPath.group();
        }
        assertTrue(last != null, built.out());
        Path deb = Path.of(last);
        assertTrue(Files.isRegularFile(deb), built.out());
        System.out.printf("package: %.1f s, %d bytes%n", (System.nanoTime() - t0) / 1e9, Files.size(deb));

        Result lintian = run(600, "lintian", deb.toString());
        assertTrue(lintian.exit() != 127, "lintian missing: run installer/install-deps.sh");
        assertTrue(lintian.out().lines().noneMatch(l -> l.startsWith("E: ")), lintian.out());

        // A mass rollout: the site settings come preseeded through debconf, no questions asked.
        Path preseed = dir.resolve("secrecy-guard.preseed");
        Files.writeString(preseed, """
                secrecy-guard secrecy-guard/collector-url string http://127.0.0.1:9/events
                secrecy-guard secrecy-guard/collector-token password %s
                """.formatted(TOKEN));
        assertEquals(0, run(60, "debconf-set-selections", preseed.toString()).exit());
        Result installed = run(300, List.of("dpkg", "-i", deb.toString()), List.of("DEBIAN_FRONTEND=noninteractive"));
        assertEquals(0, installed.exit(), installed.out());
        String site = Files.readString(ETC.resolve("site.properties"));
        assertTrue(site.lines().anyMatch(l -> l.equals("collector.url=http://127.0.0.1:9/events")), site);
        assertTrue(site.lines().anyMatch(l -> l.equals("collector.token=" + TOKEN)), "preseeded token in the site file");
        assertEquals(1, site.lines().filter(l -> l.startsWith("collector.url=")).count(), site);
        Result debconfCopy = run(60, "grep", "-rl", TOKEN, "/var/cache/debconf");
        assertEquals(1, debconfCopy.exit(), "debconf keeps no copy of the token: " + debconfCopy.out());

        Path marked = dir.resolve("notice.txt");
        Files.writeString(marked, "000123\n机密★1年\n特急\n关于加强值班工作的通知\n");
        Result scan = run(120, "/usr/bin/secrecy-guard", "scan", "--json", "--no-ocr", marked.toString());
        assertEquals(1, scan.exit(), scan.out());
        assertTrue(scan.out().contains("\"verdict\":\"block\"") && scan.out().contains("\"level\":\"SECRET\""), scan.out());

        // The installed build names its version (events and the self-check's index key carry it), not "dev".
        assertEquals("secrecy-guard " + WindowsMsiSourcesTest.pomVersion(),
                run(60, "/usr/bin/secrecy-guard", "--version").out().strip());

        for (Path p : List.of(STATE, STATE.resolve("rules"), ETC, ETC.resolve("site.properties"), SHARED_CLASSES.getParent(),
                SHARED_CLASSES)) {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
            assertEquals("root", a.owner().getName(), p.toString());
            assertFalse(a.permissions().contains(PosixFilePermission.GROUP_WRITE), p.toString());
            assertFalse(a.permissions().contains(PosixFilePermission.OTHERS_WRITE), p.toString());
        }
        assertEquals(0, run(60, "useradd", "-m", USER).exit());
        assertEquals(0, asUser("cat /etc/secrecy-guard/site.properties >/dev/null").exit(), "users read the site file");
        assertNotEquals(0, asUser("echo rules.source=/tmp >> /etc/secrecy-guard/site.properties").exit());
        assertNotEquals(0, asUser("touch /var/lib/secrecy-guard/rules/current.bundle").exit());
        assertNotEquals(0, asUser("rm -rf /var/lib/secrecy-guard/rules").exit());
        assertNotEquals(0, asUser("cat /var/lib/secrecy-guard/events.db").exit(), "the service's log is root's");
        assertTrue(Files.isDirectory(STATE.resolve("rules")));
        // The class-data archive postinst made is what the service (root) maps too: users must not change it.
        assertNotEquals(0, asUser("touch " + SHARED_CLASSES).exit());
        // It serves an ordinary user's start: with -Xshare:on the JVM refuses to start without it, and the
        // app's own classes come from it.
        Result shared = asUser("JAVA_TOOL_OPTIONS='-Xshare:on -Xlog:class+load=info' /usr/bin/secrecy-guard --version");
        assertEquals(0, shared.exit(), shared.out());
        assertTrue(shared.out().contains("org.secrecyguard.app.Main source: shared objects file"), shared.out());

        Path unit = Path.of("/lib/systemd/system/secrecy-guard.service");
        assertTrue(Files.readString(unit).contains("Restart=always"));
        Result verify = run(60, "systemd-analyze", "verify", unit.toString());
        assertEquals(0, verify.exit(), verify.out());
        assertTrue(Files.isRegularFile(Path.of("/etc/xdg/autostart/secrecy-guard.desktop")));
        // A user's tray app cannot unpack jnativehook into /opt (screenshot keys would be down): it is shipped,
        // under the name jnativehook's locator derives from the jar manifest's Implementation-Version.
        String jarVersion;
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile("/opt/secrecy-guard/lib/app/secrecy-guard.jar")) {
            jarVersion = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
        assertEquals(0, asUser("test -r /opt/secrecy-guard/lib/app/libJNativeHook-" + jarVersion + ".$(uname -m).so").exit(),
                run(60, "ls", "/opt/secrecy-guard/lib/app").out());

        // No systemd as PID 1 here: start the installed service as the unit would, then stop it as systemd does.
        Path guarded = Files.createDirectories(dir.resolve("guarded"));
        // systemd's notification socket too (Type=notify, WatchdogSec): READY and keep-alives must come from the
        // main pid (NotifyAccess=main), through the shell wrapper and the jpackage launcher.
        ProcessBuilder asUnit = new ProcessBuilder("/usr/bin/secrecy-guard", "guard-service", "--watch", guarded.toString())
                .redirectErrorStream(true);
        String first;
        String serviceOutput;
        try (NotifySocket systemd = new NotifySocket(dir.resolve("notify"))) {
            asUnit.environment().put("NOTIFY_SOCKET", systemd.path().toString());
            asUnit.environment().put("WATCHDOG_USEC", "3000000");
            Process service = asUnit.start();
            BufferedReader r = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
            first = r.readLine();
            assertTrue(first != null && first.startsWith("guarding"), String.valueOf(first));
            // The rest of what the service says, for a failure message (destroy() closes the stream).
            StringBuffer rest = new StringBuffer();
            Thread drain = new Thread(() -> {
                try {
                    r.lines().forEach(l -> rest.append(l).append('\n'));
                } catch (java.io.UncheckedIOException closed) {
                    // the process is gone
                }
            }, "service-output");
            drain.setDaemon(true);
            drain.start();
            NotifySocket.Message ready = systemd.next(10_000);
            assertTrue(ready != null && ready.text().startsWith("READY=1"), String.valueOf(ready));
            assertEquals(service.pid(), ready.pid(), "READY from the main pid");
            NotifySocket.Message alive = systemd.next(5_000);
            assertEquals("WATCHDOG=1", alive == null ? null : alive.text());
            try (UserDesktop desktop = new UserDesktop(dir)) {
                // The installed tray of an ordinary user, with the service running: every channel up (the
                // screenshot keys need jnativehook's shipped library, the guard link the service's socket).
                String started = desktop.startTray();
                assertTrue(started.startsWith("started: PROTECTED []"), started);
                // Tamper: the user kills the tray app. The service starts it again in the session and logs it.
                List<String> killed = desktop.trayPids();
                assertEquals(1, killed.size(), killed.toString());
                assertEquals("secrecy-guard", Files.readString(Path.of("/proc", killed.get(0), "comm")).strip(),
                        "process lists show the app by its name, not as java");
                assertEquals(0, run(30, "kill", "-KILL", killed.get(0)).exit());
                String stopped = "";
                for (int i = 0; i < 40 && !stopped.contains("restarted by the service"); i++) {
                    Thread.sleep(1000);
                    stopped = run(60, "/usr/bin/secrecy-guard", "events", "export", "--db",
                            STATE.resolve("events.db").toString(), "--format", "ndjson").out().lines()
                            .filter(l -> l.contains("AGENT_STOPPED") && l.contains("tray app of " + USER))
                            .findFirst().orElse("");
                }
                assertTrue(stopped.contains("back after") && stopped.contains("restarted by the service"), stopped);
                List<String> restarted = desktop.trayPids();
                assertEquals(1, restarted.size(), "one tray app again: " + restarted);
                assertNotEquals(killed, restarted);
            }
            // What `dpkg -r` does under systemd: prerm leaves the reason, then systemd sends SIGTERM.
            Result prerm = run(60, "/var/lib/dpkg/info/secrecy-guard.prerm", "remove");
            assertEquals(0, prerm.exit(), prerm.out());
            service.destroy(); // SIGTERM
            assertTrue(service.waitFor(30, TimeUnit.SECONDS));
            drain.join(5000);
            serviceOutput = rest.toString();
            NotifySocket.Message m = systemd.next(1000);
            while (m != null && m.text().equals("WATCHDOG=1")) {
                m = systemd.next(1000);
            }
            assertEquals("STOPPING=1", m == null ? null : m.text());
        }
        // With no temporary folder to unpack it into, SQLite still loads: the package ships its library.
        Result log = run(60, List.of("/usr/bin/secrecy-guard", "events", "export", "--db", STATE.resolve("events.db").toString(),
                "--format", "ndjson"), List.of("JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=/nonexistent"));
        assertTrue(log.out().contains("AGENT_STARTED") && log.out().contains("AGENT_STOPPED"), log.out());
        assertTrue(log.out().contains("guard service stopped: package removal (dpkg remove"), "removal logged first: " + log.out()
                + "\nservice output:\n" + serviceOutput);

        Result again = run(300, "dpkg", "-i", deb.toString()); // the upgrade path: scripts run with a version
        assertEquals(0, again.exit(), again.out());
        assertTrue(run(60, "/usr/bin/secrecy-guard", "events", "export", "--db", STATE.resolve("events.db").toString(),
                "--format", "ndjson").out().contains("AGENT_STOPPED"), "reinstall keeps the log");
        Result remade = run(60, List.of("/usr/bin/secrecy-guard", "--version"), List.of("JAVA_TOOL_OPTIONS=-Xshare:on"));
        assertEquals(0, remade.exit(), "the upgrade makes the class-data archive again: " + remade.out());

        Result purge = run(300, "dpkg", "--purge", "secrecy-guard");
        assertEquals(0, purge.exit(), purge.out());
        for (String gone : List.of("/opt/secrecy-guard", "/usr/bin/secrecy-guard", "/etc/secrecy-guard",
                unit.toString(), SHARED_CLASSES.getParent().toString(), "/etc/xdg/autostart/secrecy-guard.desktop", "/usr/share/applications/secrecy-guard.desktop")) {
            assertFalse(Files.exists(Path.of(gone)), gone);
        }
        try (Stream<Path> left = Files.list(STATE)) {
            List<String> names = new ArrayList<>(left.map(p -> p.getFileName().toString()).toList());
            assertTrue(names.contains("events.db"), names.toString());
            names.removeIf(n -> n.startsWith("events.db"));
            assertEquals(List.of(), names, "purge leaves only the event log");
        }
        System.out.printf("package test: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static Result asUser(String shell) throws Exception {
        return run(60, "runuser", "-u", USER, "--", "sh", "-c", shell);
    }

    private record Result(int exit, String out) {
    }

    /**
     * A desktop session of {@link #USER} on an Xvfb display of its own: one long-lived process of the user
     * with DISPLAY set stands for the session (the panel, the file manager), which is where the service
     * finds the environment to restart a killed tray app in.
     */
    private static final class UserDesktop implements AutoCloseable {
        private final String display = ":" + (90 + (int) (ProcessHandle.current().pid() % 9));
        private final Path dir;
        private final Process xvfb;
        private final Process session;

        UserDesktop(Path dir) throws Exception {
            this.dir = dir;
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1280x720x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(500); // Xvfb opens its socket
            session = userProcess("sleep", "600").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        }

        private ProcessBuilder userProcess(String... cmd) {
            List<String> argv = new java.util.ArrayList<>(List.of("runuser", "-u", USER, "--", "env", "DISPLAY=" + display,
                    "HOME=/home/" + USER));
            argv.addAll(List.of(cmd));
            return new ProcessBuilder(argv).redirectErrorStream(true);
        }

        /** Starts the installed tray app, as the autostart entry does; returns its first status line. */
        String startTray() throws Exception {
            Path log = Path.of("/home/" + USER, ".local/share/secrecy-guard/logs/secrecy-guard-0.log");
            Process tray = userProcess("/usr/bin/secrecy-guard").redirectOutput(dir.resolve("tray.out").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (Files.isReadable(log)) {
                    java.util.Optional<String> line = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                            .map(l -> l.contains("started: ") ? l.substring(l.indexOf("started: ")) : null)
                            .filter(java.util.Objects::nonNull).findFirst();
                    if (line.isPresent()) {
                        return line.get();
                    }
                }
                if (!tray.isAlive()) {
                    return "tray ended with " + tray.exitValue() + ": " + Files.readString(dir.resolve("tray.out"));
                }
                Thread.sleep(100);
            }
            return "no status within 60 s: " + Files.readString(dir.resolve("tray.out"));
        }

        /** The pids of the user's running tray apps. */
        List<String> trayPids() throws Exception {
            return run(30, "pgrep", "-u", USER, "-f", "^/opt/secrecy-guard/lib/runtime/bin/secrecy-guard .* org\\.secrecyguard\\.app\\.Main$").out().lines().toList();
        }

        @Override
        public void close() throws Exception {
            run(30, "pkill", "-KILL", "-u", USER);
            session.waitFor(10, TimeUnit.SECONDS);
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Result run(int seconds, String... cmd) throws Exception {
        return run(seconds, List.of(cmd), List.of());
    }

    private static Result run(int seconds, List<String> cmd, List<String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        for (String e : env) {
            pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        Path out = Files.createTempFile("sg-deb", ".out");
        Process p;
        try {
            p = pb.redirectOutput(out.toFile()).start();
        } catch (IOException e) {
            Files.delete(out);
            return new Result(127, e.getMessage());
        }
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " took over " + seconds + " s");
        }
        String text = Files.readString(out);
        Files.delete(out);
        return new Result(p.exitValue(), text);
    }
}
