package org.secrecyguard.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** In-memory implementations of the UI's app-facing interfaces, for window tests. */
final class UiFakes {
    private UiFakes() {
    }

    static final class Status implements StatusModel {
        private volatile StatusSnapshot current;
        private final List<Consumer<StatusSnapshot>> listeners = new CopyOnWriteArrayList<>();

        Status(StatusSnapshot initial) {
            current = initial;
        }

        void set(StatusSnapshot s) {
            current = s;
            listeners.forEach(l -> l.accept(s));
        }

        @Override
        public StatusSnapshot current() {
            return current;
        }

        @Override
        public void subscribe(Consumer<StatusSnapshot> listener) {
            listeners.add(listener);
        }
    }

    static final class History implements HistorySource {
        final List<EventRow> rows = new CopyOnWriteArrayList<>();

        @Override
        public List<EventRow> recent(int limit) {
            List<EventRow> copy = new ArrayList<>(rows);
            copy.sort((a, b) -> b.time().compareTo(a.time()));
            return copy.subList(0, Math.min(limit, copy.size()));
        }
    }

    static final class Control implements GuardControl {
        final String pin;
        final AtomicInteger exits = new AtomicInteger();
        volatile Duration paused;

        Control(String pin) {
            this.pin = pin;
        }

        @Override
        public boolean pinConfigured() {
            return pin != null;
        }

        @Override
        public boolean verifyPin(char[] typed) {
            return pin != null && pin.equals(new String(typed));
        }

        @Override
        public void pause(Duration duration) {
            paused = duration;
        }

        @Override
        public void resume() {
            paused = null;
        }

        @Override
        public void exit() {
            exits.incrementAndGet();
        }

        @Override
        public String updateRulesNow() {
            return "规则已是最新：baseline";
        }

        @Override
        public String version() {
            return "test";
        }
    }

    static StatusSnapshot protectedStatus() {
        return new StatusSnapshot(GuardState.PROTECTED, List.of(), "baseline", null, null);
    }

    static StatusSnapshot degraded(String... problems) {
        return new StatusSnapshot(GuardState.DEGRADED, List.of(problems), "baseline", null, null);
    }

    static FileChecker noFiles() {
        return (Path p) -> new FileCheckResult(p, "allow", null, List.of(), "", 1);
    }

    static Instant minutesAgo(long m) {
        return Instant.now().minus(Duration.ofMinutes(m));
    }
}
