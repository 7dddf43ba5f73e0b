package org.secrecyguard.platform.windows;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Winsvc;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.platform.ServiceHost;

/**
 * Makes the jpackage launcher a real Windows service: the launcher runs the JVM inside its own
 * process, so the Java main thread calling StartServiceCtrlDispatcher connects that very process to
 * the service control manager (the MSI's ServiceInstall points at the launcher). ServiceMain
 * registers a HandlerEx, reports start pending, starts the body, reports running, and waits for stop
 * or shutdown; then stop pending, close, stopped. A body that cannot start ends the process without
 * reporting stopped: the SCM counts that as a failure and applies the recovery actions (restart) the
 * MSI configured. States and replies come from {@link ServiceStates}. <b>Never run on Windows yet.</b>
 */
public final class Win32ServiceHost implements ServiceHost {
    private static final Logger LOG = Logger.getLogger(Win32ServiceHost.class.getName());
    private static final int ERROR_FAILED_SERVICE_CONTROLLER_CONNECT = 1063;
    /** Exit status when the body could not start (any non-zero status is a failure to the SCM). */
    static final int START_FAILED_EXIT = 3;

    private final ServiceStates states = new ServiceStates();
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile Winsvc.SERVICE_STATUS_HANDLE handle;
    // Held in fields: JNA callbacks that are garbage collected crash the process when Windows calls them.
    private Winsvc.SERVICE_MAIN_FUNCTION main;
    private Winsvc.HandlerEx handler;
    private volatile int exit;

    @Override
    public int run(String serviceName, Body body) {
        handler = (control, eventType, eventData, context) -> {
            ServiceStates.Reply r = states.control(control);
            if (r.stop()) {
                report(states.stopPending());
                stop.countDown(); // the handler must return at once; ServiceMain's thread does the stopping
            } else if (control == ServiceStates.CONTROL_INTERROGATE) {
                report(current());
            }
            return r.returnCode();
        };
        main = (argc, argv) -> serviceMain(serviceName, body);
        Winsvc.SERVICE_TABLE_ENTRY entry = new Winsvc.SERVICE_TABLE_ENTRY();
        Winsvc.SERVICE_TABLE_ENTRY[] table = (Winsvc.SERVICE_TABLE_ENTRY[]) entry.toArray(2); // null-terminated
        table[0].lpServiceName = serviceName;
        table[0].lpServiceProc = main;
        table[0].write();
        if (!Advapi32.INSTANCE.StartServiceCtrlDispatcher(table)) {
            int error = Kernel32.INSTANCE.GetLastError();
            System.err.println(error == ERROR_FAILED_SERVICE_CONTROLLER_CONNECT
                    ? "guard-service --windows-service runs only when the service control manager starts it"
                    + " (sc start " + serviceName + "); run guard-service without --windows-service in a console"
                    : "StartServiceCtrlDispatcher failed: error " + error);
            return 2;
        }
        return exit; // the dispatcher returns once ServiceMain reported stopped
    }

    private void serviceMain(String serviceName, Body body) {
        handle = Advapi32.INSTANCE.RegisterServiceCtrlHandlerEx(serviceName, handler, null);
        if (handle == null) {
            LOG.severe(() -> "RegisterServiceCtrlHandlerEx failed: error " + Kernel32.INSTANCE.GetLastError());
            Runtime.getRuntime().halt(START_FAILED_EXIT);
        }
        report(states.startPending());
        AutoCloseable running;
        try {
            running = body.start();
        } catch (Exception | Error e) {
            LOG.log(Level.SEVERE, "service did not start; exiting for the service manager to restart it", e);
            Runtime.getRuntime().halt(START_FAILED_EXIT);
            return;
        }
        report(states.running());
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        report(states.stopPending());
        try {
            running.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "service stop failed", e);
        }
        report(states.stopped());
    }

    private ServiceStates.Status current() {
        return new ServiceStates.Status(states.state(), states.state() == ServiceStates.RUNNING
                ? ServiceStates.ACCEPT_STOP | ServiceStates.ACCEPT_SHUTDOWN : 0, ServiceStates.NO_ERROR, 0, 0);
    }

    private void report(ServiceStates.Status s) {
        Winsvc.SERVICE_STATUS st = new Winsvc.SERVICE_STATUS();
        st.dwServiceType = ServiceStates.SERVICE_WIN32_OWN_PROCESS;
        st.dwCurrentState = s.state();
        st.dwControlsAccepted = s.controlsAccepted();
        st.dwWin32ExitCode = s.win32ExitCode();
        st.dwCheckPoint = s.checkPoint();
        st.dwWaitHint = s.waitHintMillis();
        if (handle != null && !Advapi32.INSTANCE.SetServiceStatus(handle, st)) {
            LOG.warning(() -> "SetServiceStatus failed: error " + Kernel32.INSTANCE.GetLastError());
        }
    }
}
