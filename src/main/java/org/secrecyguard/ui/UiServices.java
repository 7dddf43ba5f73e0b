package org.secrecyguard.ui;

import java.time.Clock;
import java.time.Duration;

/**
 * Everything the UI needs from the app, as small interfaces (the UI never sees the scanner, the event
 * store or the channels themselves).
 *
 * @param warnDuration how long a warning popup stays on screen
 * @param selfCheck    runs the self-check (保密自查); null leaves its menu item out
 */
public record UiServices(Messages messages, StatusModel status, HistorySource history, FileChecker files,
                         GuardControl control, Clock clock, Duration warnDuration, SelfCheckControl selfCheck) {
    /** Services without the self-check. */
    public UiServices(Messages messages, StatusModel status, HistorySource history, FileChecker files,
                      GuardControl control, Clock clock, Duration warnDuration) {
        this(messages, status, history, files, control, clock, warnDuration, null);
    }
}
