package org.secrecyguard.platform.windows;

/**
 * What a Windows service tells the service control manager, and how it answers a control, as pure
 * logic: SERVICE_STATUS values for each step (start pending with a wait hint and a growing
 * checkpoint, running accepting stop and shutdown, stop pending, stopped) and the handler's reply to
 * each control code. {@link Win32ServiceHost} hands them to SetServiceStatus. A stop or shutdown is
 * accepted only while running; during start-up the SCM is told the service accepts no control, so it
 * never sends one the service could not honour yet.
 */
final class ServiceStates {
    static final int SERVICE_WIN32_OWN_PROCESS = 0x10;
    static final int STOPPED = 1;
    static final int START_PENDING = 2;
    static final int STOP_PENDING = 3;
    static final int RUNNING = 4;
    static final int ACCEPT_STOP = 0x1;
    static final int ACCEPT_SHUTDOWN = 0x4;
    static final int CONTROL_STOP = 0x1;
    static final int CONTROL_INTERROGATE = 0x4;
    static final int CONTROL_SHUTDOWN = 0x5;
    static final int NO_ERROR = 0;
    static final int ERROR_CALL_NOT_IMPLEMENTED = 120;
    /** The guard service loads rules and opens its event log before it runs: generous, not endless. */
    static final int START_WAIT_HINT_MILLIS = 30_000;
    static final int STOP_WAIT_HINT_MILLIS = 15_000;

    /** One SERVICE_STATUS. */
    record Status(int state, int controlsAccepted, int win32ExitCode, int checkPoint, int waitHintMillis) {
    }

    /** The handler's answer to a control: its return code and whether the service must now stop. */
    record Reply(int returnCode, boolean stop) {
    }

    private int checkPoint;
    private int state = STOPPED;

    synchronized Status startPending() {
        state = START_PENDING;
        return new Status(START_PENDING, 0, NO_ERROR, ++checkPoint, START_WAIT_HINT_MILLIS);
    }

    synchronized Status running() {
        state = RUNNING;
        checkPoint = 0;
        return new Status(RUNNING, ACCEPT_STOP | ACCEPT_SHUTDOWN, NO_ERROR, 0, 0);
    }

    synchronized Status stopPending() {
        state = STOP_PENDING;
        return new Status(STOP_PENDING, 0, NO_ERROR, ++checkPoint, STOP_WAIT_HINT_MILLIS);
    }

    synchronized Status stopped() {
        state = STOPPED;
        checkPoint = 0;
        return new Status(STOPPED, 0, NO_ERROR, 0, 0);
    }

    /** The reply to control {@code code} (HandlerEx's dwControl). */
    synchronized Reply control(int code) {
        return switch (code) {
            case CONTROL_STOP, CONTROL_SHUTDOWN -> new Reply(NO_ERROR, state == RUNNING);
            case CONTROL_INTERROGATE -> new Reply(NO_ERROR, false);
            default -> new Reply(ERROR_CALL_NOT_IMPLEMENTED, false);
        };
    }

    synchronized int state() {
        return state;
    }
}
