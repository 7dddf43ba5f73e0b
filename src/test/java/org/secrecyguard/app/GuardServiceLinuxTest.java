package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.secrecyguard.channel.RecordingNotifier;
import org.secrecyguard.platform.linux.FanotifyGate;
import org.secrecyguard.testing.Await;
import org.secrecyguard.ui.EventRow;

/**
 * The system service as systemd runs it (root, real fanotify on a scratch tmpfs, its own event log and
 * socket), with the user's tray app connected over the socket, and an unprivileged user's client that
 * must learn nothing of another user's files.
 */
class GuardServiceLinuxTest {
    static Path dir;
    static Path guarded;
    static Path weChat;
    static GuardService service;

    @BeforeAll
    static void startService() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && "root".equals(System.getProperty("user.name")),
                "the service needs root on Linux (CI runs as root)");
        dir = Files.createTempDirectory("sg-service");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // the socket is reachable
        guarded = Files.createDirectories(dir.resolve("home"));
        run("mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", guarded.toString());
        weChat = Files.copy(Path.of("/bin/cat"), Files.createDirectories(dir.resolve("opt/wechat")).resolve("wechat"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Path home = Files.createDirectories(dir.resolve("var/lib/secrecy-guard"));
        Files.writeString(home.resolve(AppConfig.FILE), "service.socket=" + dir.resolve("guard.sock") + "\n");
        service = GuardService.start(AppConfig.load(home), List.of(guarded), new FanotifyGate(), () -> { });
    }

    @AfterAll
    static void stopService() throws Exception {
        if (service != null) {
            service.close();
        }
        if (guarded != null) {
            run("umount", "-l", guarded.toString());
        }
    }

    @Test
    void enforcesWithoutATrayAppAndTellsOnlyTheOwnersTrayApp() throws Exception {
        Path first = Files.writeString(guarded.resolve("请示.txt"), "000123\n机密★1年\n关于某事项的请示",
                StandardCharsets.UTF_8);
        assertEquals(1, open(weChat, first), "no tray app connected: still refused");
        Await.until(() -> service.history().recent(10).stream().anyMatch(r -> r.outcome().equals("BLOCKED")),
                "and logged");
        EventRow row = service.history().recent(10).stream().filter(r -> r.outcome().equals("BLOCKED")).findFirst()
                .orElseThrow();
        assertEquals(org.secrecyguard.policy.Channel.UPLOAD_DIALOG, row.channel());

        RecordingNotifier popups = new RecordingNotifier();
        ServiceLink tray = new ServiceLink(dir.resolve("guard.sock"), popups);
        tray.start();
        Process stranger = new ProcessBuilder("runuser", "-u", "nobody", "--", "python3", "-c", """
                import socket, sys
                s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); print("connected", flush=True)
                s.settimeout(3)
                try:
                    print(len(s.recv(65536)))
                except socket.timeout:
                    print(0)
                """, dir.resolve("guard.sock").toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(stranger.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("connected", out.readLine());
            Await.until(tray::connected, "the tray app is connected");
            Path second = Files.writeString(guarded.resolve("报告.txt"), "秘密★6个月\n报告", StandardCharsets.UTF_8);
            assertEquals(1, open(weChat, second));
            Await.until(() -> popups.shown.contains("block"), "the owner's tray app shows the block");
            assertEquals("WeChat", popups.alerts.get(0).destinationApp());
            assertTrue(stranger.waitFor(20, TimeUnit.SECONDS));
            assertEquals("0", out.readLine(), "another user's client received nothing");
        } finally {
            tray.stop();
            stranger.destroyForcibly();
        }
    }

    static int open(Path program, Path file) throws Exception {
        Process p = new ProcessBuilder(program.toString(), file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return p.exitValue();
    }

    static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }
}
