package org.secrecyguard.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the guard service reports to the Windows service control manager, step by step. */
class ServiceStatesTest {
    @Test
    void startPendingCountsCheckpointsWithAWaitHintAndAcceptsNoControl() {
        ServiceStates s = new ServiceStates();
        ServiceStates.Status first = s.startPending();
        ServiceStates.Status second = s.startPending();
        assertEquals(ServiceStates.START_PENDING, first.state());
        assertEquals(0, first.controlsAccepted(), "no stop can be honoured before the service runs");
        assertEquals(1, first.checkPoint());
        assertEquals(2, second.checkPoint(), "the SCM takes an unchanged checkpoint for a hang");
        assertTrue(first.waitHintMillis() > 0);
    }

    @Test
    void runningAcceptsStopAndShutdownAndResetsTheCheckpoint() {
        ServiceStates s = new ServiceStates();
        s.startPending();
        ServiceStates.Status r = s.running();
        assertEquals(ServiceStates.RUNNING, r.state());
        assertEquals(ServiceStates.ACCEPT_STOP | ServiceStates.ACCEPT_SHUTDOWN, r.controlsAccepted());
        assertEquals(0, r.checkPoint());
        assertEquals(0, r.waitHintMillis());
    }

    @Test
    void stopAndShutdownStopOnlyARunningService() {
        ServiceStates s = new ServiceStates();
        s.startPending();
        assertFalse(s.control(ServiceStates.CONTROL_STOP).stop(), "still starting");
        s.running();
        ServiceStates.Reply stop = s.control(ServiceStates.CONTROL_STOP);
        assertTrue(stop.stop());
        assertEquals(ServiceStates.NO_ERROR, stop.returnCode());
        assertTrue(s.control(ServiceStates.CONTROL_SHUTDOWN).stop());
    }

    @Test
    void interrogateIsAnsweredAndOtherControlsAreNotImplemented() {
        ServiceStates s = new ServiceStates();
        s.running();
        assertEquals(new ServiceStates.Reply(ServiceStates.NO_ERROR, false), s.control(ServiceStates.CONTROL_INTERROGATE));
        // SERVICE_CONTROL_PAUSE (2): pausing a guard is not offered
        assertEquals(new ServiceStates.Reply(ServiceStates.ERROR_CALL_NOT_IMPLEMENTED, false), s.control(2));
    }

    @Test
    void stopPendingThenStopped() {
        ServiceStates s = new ServiceStates();
        s.running();
        ServiceStates.Status pending = s.stopPending();
        assertEquals(ServiceStates.STOP_PENDING, pending.state());
        assertEquals(0, pending.controlsAccepted());
        assertEquals(1, pending.checkPoint());
        ServiceStates.Status stopped = s.stopped();
        assertEquals(ServiceStates.STOPPED, stopped.state());
        assertEquals(ServiceStates.NO_ERROR, stopped.win32ExitCode());
        assertEquals(ServiceStates.STOPPED, s.state());
    }
}
