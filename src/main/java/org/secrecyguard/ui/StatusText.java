package org.secrecyguard.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** Turns a status snapshot into the words of the tray tooltip and the status window. */
final class StatusText {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private StatusText() {
    }

    static String headline(Messages m, StatusSnapshot s) {
        if (s.pausedUntil() != null) {
            return m.format("state.paused", TIME.format(s.pausedUntil().atZone(ZoneId.systemDefault())));
        }
        return m.get("state." + s.state().iconName());
    }

    static String tooltip(Messages m, StatusSnapshot s) {
        if (s.pausedUntil() != null) {
            return m.get("app.name") + "：" + headline(m, s);
        }
        return switch (s.state()) {
            case PROTECTED -> m.get("tooltip.protected");
            case ALERT -> m.get("tooltip.alert");
            case DEGRADED -> m.format("tooltip.degraded",
                    s.problems().stream().map(m::problem).collect(Collectors.joining("；")));
        };
    }

    static String time(java.time.Instant t) {
        return TIME.format(t.atZone(ZoneId.systemDefault()));
    }
}
