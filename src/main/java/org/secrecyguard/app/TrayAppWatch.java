package org.secrecyguard.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.secrecyguard.channel.DaemonThreads;
import org.secrecyguard.onaccess.TrayLink;
import org.secrecyguard.platform.SessionLauncher;

/**
 * The service's tamper watch over the users' tray apps. A tray app whose connection drops without a
 * "bye" (killed, crashed) is started again in its user's session after a short grace, and reported as
 * {@code AGENT_STOPPED}: who, since when, how long it was gone, whether the service brought it back,
 * and how often it happened in the last hour, so repeated kills show as such rather than as noise. A
 * tray app that ends on purpose (the admin-PIN exit, logout) says bye and is left alone.
 */
final class TrayAppWatch implements TrayLink.Presence, AutoCloseable {
    static final Duration RESTART_AFTER = Duration.ofSeconds(3);
    /** A tray app still gone this long is reported without waiting for it to come back. */
    static final Duration REPORT_AFTER = Duration.ofSeconds(60);
    private static final Duration REPEAT_WINDOW = Duration.ofHours(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Where the reports go: the service's event log. */
    interface Reports {
        void agentStopped(String user, String detail);
    }

    private final SessionLauncher launcher;
    private final Reports reports;
    private final Clock clock;
    private final Duration restartAfter;
    private final Duration reportAfter;
    private final Map<String, Absence> absent = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> stops = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("tray-watch"));

    TrayAppWatch(SessionLauncher launcher, Reports reports, Clock clock) {
        this(launcher, reports, clock, RESTART_AFTER, REPORT_AFTER);
    }

    TrayAppWatch(SessionLauncher launcher, Reports reports, Clock clock, Duration restartAfter, Duration reportAfter) {
        this.launcher = launcher;
        this.reports = reports;
        this.clock = clock;
        this.restartAfter = restartAfter;
        this.reportAfter = reportAfter;
    }

    @Override
    public void left(String user, boolean saidBye) {
        if (saidBye) {
            return;
        }
        Instant now = clock.instant();
        Absence a = new Absence(now, stopsInTheLastHour(user, now));
        absent.put(user, a);
        try {
            timer.schedule(() -> restart(user, a), restartAfter.toMillis(), TimeUnit.MILLISECONDS);
            timer.schedule(() -> reportIfStillGone(user, a), reportAfter.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The watch is closed: the service is stopping, and its own AGENT_STOPPED says so.
            absent.remove(user, a);
        }
    }

    @Override
    public void arrived(String user) {
        Absence a = absent.remove(user);
        if (a != null && a.claimReport()) {
            long seconds = Duration.between(a.since, clock.instant()).toSeconds();
            reports.agentStopped(user, describe(user, a) + "; back after " + seconds + " s" + how(a));
        }
    }

    private void restart(String user, Absence a) {
        if (absent.get(user) == a) {
            a.launch = launcher.launch(user);
        }
    }

    private void reportIfStillGone(String user, Absence a) {
        if (absent.get(user) == a && a.claimReport()) {
            reports.agentStopped(user, describe(user, a) + "; still not running after " + reportAfter.toSeconds()
                    + " s" + how(a));
        }
    }

    private String describe(String user, Absence a) {
        String when = TIME.format(a.since.atZone(ZoneId.systemDefault()));
        String repeated = a.stopsInTheLastHour > 1 ? "; " + a.stopsInTheLastHour + " stops in the last hour" : "";
        return "tray app of " + user + " ended without the admin exit at " + when + repeated;
    }

    private static String how(Absence a) {
        SessionLauncher.Launch l = a.launch;
        if (l == null) {
            return "";
        }
        return l.started() ? "; restarted by the service" : "; not restarted: " + l.detail();
    }

    private int stopsInTheLastHour(String user, Instant now) {
        Deque<Instant> mine = stops.computeIfAbsent(user, u -> new ArrayDeque<>());
        synchronized (mine) {
            mine.addLast(now);
            while (!mine.isEmpty() && mine.peekFirst().isBefore(now.minus(REPEAT_WINDOW))) {
                mine.removeFirst();
            }
            return mine.size();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static final class Absence {
        final Instant since;
        final int stopsInTheLastHour;
        volatile SessionLauncher.Launch launch;
        private boolean reported;

        Absence(Instant since, int stopsInTheLastHour) {
            this.since = since;
            this.stopsInTheLastHour = stopsInTheLastHour;
        }

        synchronized boolean claimReport() {
            if (reported) {
                return false;
            }
            reported = true;
            return true;
        }
    }
}
