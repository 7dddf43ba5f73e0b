package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the service runs to bring a killed tray app back, for each way it can be installed. */
class GuardServiceTrayCommandTest {
    @Test
    void theConfiguredCommandWins() {
        assertEquals(List.of("/usr/bin/secrecy-guard"), GuardService.trayCommand(" /usr/bin/secrecy-guard ",
                "/opt/secrecy-guard/bin/secrecy-guard", "/usr/bin/java", "a.jar"));
        assertEquals(List.of("/usr/bin/env", "SG=1", "secrecy-guard"),
                GuardService.trayCommand("/usr/bin/env SG=1 secrecy-guard", "", "/usr/bin/java", "a.jar"));
    }

    @Test
    void aConfiguredProgramWhosePathHasSpacesIsOneWord(@TempDir Path dir) throws Exception {
        Path exe = Files.createFile(Files.createDirectories(dir.resolve("Program Files/SecrecyGuard")).resolve("SecrecyGuard.exe"));
        assertEquals(List.of(exe.toString()), GuardService.trayCommand(exe.toString(), "", "java", "a.jar"));
    }

    @Test
    void aServiceStartedFromANativeLauncherStartsTheTrayWithThatLauncherAlone() {
        // The launcher passes its arguments to the app: "-cp" would reach the command line and fail.
        assertEquals(List.of("/opt/secrecy-guard/bin/secrecy-guard"),
                GuardService.trayCommand("", "/opt/secrecy-guard/bin/secrecy-guard", "/opt/secrecy-guard/bin/secrecy-guard", ""));
    }

    @Test
    void fromAJarOrClassesItIsThisRuntimeAndClassPath() {
        assertEquals(List.of("/usr/lib/jvm/java-17/bin/java", "-cp", "target/classes:x.jar", Main.class.getName()),
                GuardService.trayCommand("", "", "/usr/lib/jvm/java-17/bin/java", "target/classes:x.jar"));
    }
}
