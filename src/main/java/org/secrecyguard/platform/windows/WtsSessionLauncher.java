package org.secrecyguard.platform.windows;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.secrecyguard.platform.SessionLauncher;

/**
 * Starts the tray app again in a user's Windows session, from the service (LocalSystem): finds the
 * user's session, then {@link WtsApi#startAsSessionUser} (WTSQueryUserToken, CreateEnvironmentBlock,
 * CreateProcessAsUserW on winsta0\default). One session is chosen even when the user has several (console
 * and remote desktop): the tray app is single-instance per user, a second start would only bring the
 * first to the front. Active beats connected beats disconnected (a fast-user-switched session gets it
 * back when the user returns); session 0 and listeners are never used. Pure logic over the seam, so
 * it is tested with recorded session lists. <b>Never run on Windows yet.</b>
 */
public final class WtsSessionLauncher implements SessionLauncher {
    private static final int ERROR_FILE_NOT_FOUND = 2;
    private static final int ERROR_PATH_NOT_FOUND = 3;
    private static final int ERROR_ACCESS_DENIED = 5;
    private static final int ERROR_NO_TOKEN = 1008;
    private static final int ERROR_PRIVILEGE_NOT_HELD = 1314;

    private final WtsApi api;
    private final List<String> command;

    /** @param command the tray app's program file and its arguments */
    public WtsSessionLauncher(WtsApi api, List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no tray command");
        }
        this.api = api;
        this.command = List.copyOf(command);
    }

    @Override
    public Launch launch(String user) {
        List<WtsSession> sessions;
        try {
            sessions = api.sessions();
        } catch (WtsApi.Win32CallException e) {
            return new Launch(false, "sessions could not be listed (" + e.call() + ", error " + e.error() + ")");
        }
        Optional<WtsSession> chosen = sessionOf(sessions, user);
        if (chosen.isEmpty()) {
            return new Launch(false, "no desktop session of " + user + " found");
        }
        WtsSession s = chosen.get();
        try {
            long pid = api.startAsSessionUser(s.id(), command.get(0), commandLine());
            return new Launch(true, "started again in session " + s.id() + " (" + s.station() + "), pid " + pid);
        } catch (WtsApi.Win32CallException e) {
            return new Launch(false, "could not start in session " + s.id() + ": " + explain(e));
        }
    }

    /** The command line handed to CreateProcessAsUserW (argv[0] included, as programs expect). */
    String commandLine() {
        return WindowsCommandLine.of(command);
    }

    /**
     * The session to start in for {@code user} ("name", "DOMAIN\\name" or "name@domain", compared
     * without regard to case as Windows compares account names).
     */
    static Optional<WtsSession> sessionOf(List<WtsSession> sessions, String user) {
        return sessions.stream()
                .filter(s -> s.id() != 0 && rank(s.state()) < Integer.MAX_VALUE && !s.user().isEmpty())
                .filter(s -> sameAccount(s, user))
                .min(Comparator.comparingInt((WtsSession s) -> rank(s.state())).thenComparingInt(WtsSession::id));
    }

    private static int rank(int state) {
        return switch (state) {
            case WtsSession.ACTIVE -> 0;
            case WtsSession.CONNECTED -> 1;
            case WtsSession.DISCONNECTED -> 2;
            default -> Integer.MAX_VALUE; // listeners, resets, sessions still starting or going down
        };
    }

    static boolean sameAccount(WtsSession s, String user) {
        String u = user.trim().toLowerCase(Locale.ROOT);
        String name = s.user().toLowerCase(Locale.ROOT);
        String domain = s.domain().toLowerCase(Locale.ROOT);
        int slash = u.indexOf('\\');
        if (slash >= 0) {
            return u.substring(0, slash).equals(domain) && u.substring(slash + 1).equals(name);
        }
        int at = u.indexOf('@');
        if (at >= 0) {
            String d = u.substring(at + 1);
            // a UPN's domain is the DNS name ("corp.example.gov.cn"); the session gives the NetBIOS name ("CORP")
            return u.substring(0, at).equals(name) && (d.equals(domain) || d.startsWith(domain + "."));
        }
        return u.equals(name);
    }

    private String explain(WtsApi.Win32CallException e) {
        String why = switch (e.error()) {
            case ERROR_NO_TOKEN -> "nobody is logged on to it any more";
            case ERROR_PRIVILEGE_NOT_HELD, ERROR_ACCESS_DENIED -> "the service does not run as LocalSystem";
            case ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND -> "the tray app " + command.get(0) + " is missing";
            default -> "error " + e.error();
        };
        return why + " (" + e.call() + ")";
    }
}
