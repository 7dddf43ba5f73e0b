package org.secrecyguard.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secrecyguard.platform.SessionLauncher;

/** The Windows session launcher's choices and messages, over a recorded session list (see the fixture's _source). */
class WtsSessionLauncherTest {
    private static final String TRAY = "C:\\Program Files\\SecrecyGuard\\SecrecyGuard.exe";

    /** Answers with the fixture's sessions and records every start it is asked for. */
    static final class RecordedWts implements WtsApi {
        final List<WtsSession> sessions;
        final List<String> starts = new ArrayList<>();
        RuntimeException listFailure;
        Win32CallException startFailure;

        RecordedWts(String fixture) throws IOException {
            try (InputStream in = WtsSessionLauncherTest.class.getResourceAsStream(fixture)) {
                JsonNode root = new ObjectMapper().readTree(in);
                List<WtsSession> list = new ArrayList<>();
                for (JsonNode s : root.get("sessions")) {
                    list.add(new WtsSession(s.get("id").asInt(), s.get("station").asText(), s.get("state").asInt(),
                            s.get("user").asText(), s.get("domain").asText()));
                }
                sessions = List.copyOf(list);
            }
        }

        @Override
        public List<WtsSession> sessions() {
            if (listFailure != null) {
                throw listFailure;
            }
            return sessions;
        }

        @Override
        public long startAsSessionUser(int sessionId, String application, String commandLine) {
            starts.add(sessionId + "|" + application + "|" + commandLine);
            if (startFailure != null) {
                throw startFailure;
            }
            return 4242;
        }
    }

    private static RecordedWts office() throws IOException {
        return new RecordedWts("wts-sessions-office-pc.json");
    }

    @Test
    void startsTheTrayAppInTheConsoleSessionOfTheUser() throws IOException {
        RecordedWts wts = office();
        SessionLauncher.Launch l = new WtsSessionLauncher(wts, List.of(TRAY)).launch("GOV\\张三");
        assertTrue(l.started(), l.detail());
        assertEquals("started again in session 1 (Console), pid 4242", l.detail());
        assertEquals(List.of("1|" + TRAY + "|\"" + TRAY + "\""), wts.starts);
    }

    @Test
    void matchesAccountNamesAsWindowsDoes() throws IOException {
        List<WtsSession> s = office().sessions;
        assertEquals(1, WtsSessionLauncher.sessionOf(s, "张三").orElseThrow().id());
        assertEquals(1, WtsSessionLauncher.sessionOf(s, "gov\\张三").orElseThrow().id());
        assertEquals(3, WtsSessionLauncher.sessionOf(s, "LISI@gov.example.cn").orElseThrow().id());
        assertTrue(WtsSessionLauncher.sessionOf(s, "OTHERDOM\\lisi").isEmpty(), "another domain's lisi");
        assertTrue(WtsSessionLauncher.sessionOf(s, "lisi@govx.cn").isEmpty());
    }

    @Test
    void prefersTheActiveSessionOverADisconnectedOneOfTheSameUser() throws IOException {
        // lisi has an active remote desktop (3) and a disconnected one (5): one tray app, in the one in use
        assertEquals(3, WtsSessionLauncher.sessionOf(office().sessions, "GOV\\lisi").orElseThrow().id());
    }

    @Test
    void usesADisconnectedSessionWhenTheUserHasNoOther() throws IOException {
        // fast user switching: the tray app is waiting when wangwu comes back
        assertEquals(2, WtsSessionLauncher.sessionOf(office().sessions, "wangwu").orElseThrow().id());
    }

    @Test
    void neverUsesTheServicesSessionListenersOrSessionsWithoutAUser() {
        List<WtsSession> s = List.of(new WtsSession(0, "Services", WtsSession.ACTIVE, "SYSTEM", "NT AUTHORITY"),
                new WtsSession(65536, "RDP-Tcp", WtsSession.LISTEN, "zhao", "GOV"),
                new WtsSession(7, "RDP-Tcp#1", WtsSession.DOWN, "zhao", "GOV"),
                new WtsSession(8, "RDP-Tcp#2", WtsSession.CONNECTED, "", ""));
        assertTrue(WtsSessionLauncher.sessionOf(s, "SYSTEM").isEmpty());
        assertTrue(WtsSessionLauncher.sessionOf(s, "zhao").isEmpty());
        assertTrue(WtsSessionLauncher.sessionOf(s, "").isEmpty());
    }

    @Test
    void saysWhenTheUserHasNoSessionAndStartsNothing() throws IOException {
        RecordedWts wts = office();
        SessionLauncher.Launch l = new WtsSessionLauncher(wts, List.of(TRAY)).launch("GOV\\zhaoliu");
        assertFalse(l.started());
        assertEquals("no desktop session of GOV\\zhaoliu found", l.detail());
        assertTrue(wts.starts.isEmpty());
    }

    @Test
    void explainsAFailedStartByTheCallAndItsError() throws IOException {
        RecordedWts wts = office();
        WtsSessionLauncher launcher = new WtsSessionLauncher(wts, List.of(TRAY));
        wts.startFailure = new WtsApi.Win32CallException("WTSQueryUserToken", 1314);
        assertEquals("could not start in session 1: the service does not run as LocalSystem (WTSQueryUserToken)",
                launcher.launch("张三").detail());
        wts.startFailure = new WtsApi.Win32CallException("WTSQueryUserToken", 1008);
        assertEquals("could not start in session 1: nobody is logged on to it any more (WTSQueryUserToken)",
                launcher.launch("张三").detail());
        wts.startFailure = new WtsApi.Win32CallException("CreateProcessAsUserW", 2);
        assertEquals("could not start in session 1: the tray app " + TRAY + " is missing (CreateProcessAsUserW)",
                launcher.launch("张三").detail());
        wts.startFailure = new WtsApi.Win32CallException("CreateEnvironmentBlock", 87);
        SessionLauncher.Launch l = launcher.launch("张三");
        assertFalse(l.started());
        assertEquals("could not start in session 1: error 87 (CreateEnvironmentBlock)", l.detail());
    }

    @Test
    void saysWhenSessionsCannotBeListed() throws IOException {
        RecordedWts wts = office();
        wts.listFailure = new WtsApi.Win32CallException("WTSEnumerateSessionsW", 5);
        SessionLauncher.Launch l = new WtsSessionLauncher(wts, List.of(TRAY)).launch("张三");
        assertFalse(l.started());
        assertEquals("sessions could not be listed (WTSEnumerateSessionsW, error 5)", l.detail());
    }

    @Test
    void quotesTheCommandLineSoTheProgramGetsItsArgumentsBack() {
        assertEquals("\"C:\\Program Files\\SecrecyGuard\\SecrecyGuard.exe\" --minimized",
                WindowsCommandLine.of(List.of(TRAY, "--minimized")));
        assertEquals("a \"\" \"b c\" \"say \\\"hi\\\"\" C:\\dir\\ \"C:\\my dir\\\\\" \"x\\\\\\\"y\"",
                WindowsCommandLine.of(List.of("a", "", "b c", "say \"hi\"", "C:\\dir\\", "C:\\my dir\\", "x\\\"y")));
        assertThrows(IllegalArgumentException.class, () -> WindowsCommandLine.of(List.of("a\0b")));
    }

    @Test
    void quotedCommandLinesSplitBackByTheMsvcRules() {
        List<List<String>> cases = List.of(List.of(TRAY), List.of("a", "", "b c"), List.of("say \"hi\"", "C:\\my dir\\"),
                List.of("x\\\\\"y", "tab\there", "\\\\server\\share\\"));
        for (List<String> argv : cases) {
            assertEquals(argv, MsvcArgv.split(WindowsCommandLine.of(argv)));
        }
    }

    /** The MSVC runtime's rules for splitting a command line (as documented for CommandLineToArgvW, post-2008). */
    static final class MsvcArgv {
        static List<String> split(String line) {
            List<String> out = new ArrayList<>();
            int i = 0;
            int n = line.length();
            while (i < n) {
                while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                StringBuilder arg = new StringBuilder();
                boolean quoted = false;
                while (i < n && (quoted || (line.charAt(i) != ' ' && line.charAt(i) != '\t'))) {
                    int slashes = 0;
                    while (i < n && line.charAt(i) == '\\') {
                        slashes++;
                        i++;
                    }
                    if (i < n && line.charAt(i) == '"') {
                        arg.append("\\".repeat(slashes / 2));
                        if (slashes % 2 == 1) {
                            arg.append('"');
                        } else if (quoted && i + 1 < n && line.charAt(i + 1) == '"') {
                            arg.append('"');
                            i++;
                        } else {
                            quoted = !quoted;
                        }
                        i++;
                    } else {
                        arg.append("\\".repeat(slashes));
                        if (i < n && (quoted || (line.charAt(i) != ' ' && line.charAt(i) != '\t'))) {
                            arg.append(line.charAt(i));
                            i++;
                        }
                    }
                }
                out.add(arg.toString());
            }
            return out;
        }
    }
}
