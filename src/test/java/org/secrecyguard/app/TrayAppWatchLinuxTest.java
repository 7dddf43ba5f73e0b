package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secrecyguard.onaccess.TrayLink;
import org.secrecyguard.platform.linux.RunuserSessionLauncher;
import org.secrecyguard.testing.Await;

/**
 * The service's tamper watch with real processes, as root (CI runs as root): a real unprivileged user
 * made for the test, a "desktop session" of that user (a process with DISPLAY set), and a tray client
 * run as that user through runuser that speaks the service socket's protocol (hello every second, bye
 * when ended with SIGTERM, as the tray app's exit does). The peer is known by SO_PEERCRED, the kill is
 * a real SIGKILL, the restart a real runuser into the session's environment.
 */
class TrayAppWatchLinuxTest {
    static final String CLIENT = """
            import java.net.*; import java.nio.*; import java.nio.channels.*; import java.nio.charset.*;
            public class TrayClient {
                public static void main(String[] a) throws Exception {
                    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                    ch.connect(UnixDomainSocketAddress.of(a[0]));
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> send(ch, "{\\"type\\":\\"bye\\"}")));
                    while (true) { send(ch, "{\\"type\\":\\"hello\\"}"); Thread.sleep(1000); }
                }
                static synchronized void send(SocketChannel ch, String line) {
                    try { ch.write(ByteBuffer.wrap((line + "\\n").getBytes(StandardCharsets.UTF_8))); }
                    catch (Exception e) { System.exit(1); }
                }
            }
            """;
    static String user;
    static Path dir;
    static Process session;

    final List<String> reports = Collections.synchronizedList(new ArrayList<>());
    TrayLink trays;
    TrayAppWatch watch;
    RunuserSessionLauncher launcher;

    @BeforeAll
    static void makeUserAndSession() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && "root".equals(System.getProperty("user.name")),
                "starting programs as another user needs root (CI runs as root)");
        user = "sgtray" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        run("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", user);
        dir = Files.createTempDirectory("sg-traywatch");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("TrayClient.java"), CLIENT, StandardCharsets.UTF_8);
        // The user's desktop session, as far as the launcher can see it: a process with a display.
        session = new ProcessBuilder("runuser", "-u", user, "--", "env", "DISPLAY=:77", "LANG=zh_CN.UTF-8",
                "sleep", "600").start();
    }

    @AfterAll
    static void removeUser() throws Exception {
        if (user != null) {
            new ProcessBuilder("pkill", "-9", "-u", user).start().waitFor();
            if (session != null) {
                session.destroyForcibly().waitFor();
            }
            new ProcessBuilder("userdel", user).start().waitFor();
        }
    }

    @BeforeEach
    void startService() throws Exception {
        trays = TrayLink.open(dir.resolve("service.sock"));
        String java = ProcessHandle.current().info().command().orElseThrow();
        launcher = new RunuserSessionLauncher(List.of(java, dir.resolve("TrayClient.java").toString(),
                dir.resolve("service.sock").toString()));
        watch = new TrayAppWatch(launcher, (u, detail) -> reports.add(u + "|" + detail), Clock.systemDefaultZone(),
                Duration.ofMillis(300), Duration.ofSeconds(60));
        trays.watch(watch);
    }

    @AfterEach
    void stopService() throws Exception {
        new ProcessBuilder("pkill", "-9", "-u", user, "-f", "TrayClient").start().waitFor();
        watch.close();
        trays.close();
    }

    @Test
    void aKilledTrayAppIsStartedAgainAndReportedWithRepeatsCounted() throws Exception {
        assertTrue(launcher.launch(user).started(), "started in the user's session");
        Await.until(() -> trays.connected(user), "the tray client connected as " + user);

        kill("-KILL");
        Await.until(() -> reports.size() == 1, "the kill is reported once the tray app is back");
        assertTrue(trays.connected(user), "the service started it again");
        String report = reports.get(0);
        assertTrue(report.startsWith(user + "|tray app of " + user + " ended without the admin exit at "), report);
        assertTrue(report.contains("back after") && report.contains("restarted by the service"), report);
        assertFalse(report.contains("stops in the last hour"), "a first stop is not called repeated: " + report);

        kill("-KILL");
        Await.until(() -> reports.size() == 2, "the second kill is reported too");
        assertTrue(reports.get(1).contains("2 stops in the last hour"), reports.get(1));
    }

    @Test
    void aTrayAppThatSaysByeIsLeftAlone() throws Exception {
        assertTrue(launcher.launch(user).started());
        Await.until(() -> trays.connected(user), "the tray client connected");
        kill("-TERM"); // its shutdown hook says bye, as the admin-PIN exit does
        Await.until(() -> !trays.connected(user), "the tray client went");
        // The restart would come 300 ms after a kill; give it ten times that.
        Thread.sleep(3000);
        assertFalse(trays.connected(user), "not started again");
        assertEquals(List.of(), reports);
    }

    @Test
    void aUserWithoutADesktopSessionGetsNoProgramStarted() {
        assertFalse(new RunuserSessionLauncher(List.of("true")).launch("nobody").started(),
                "nobody has no process with a display");
    }

    private void kill(String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("pkill", signal, "-u", user, "-f", "TrayClient").start().waitFor(),
                "the tray client was running");
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }
}
