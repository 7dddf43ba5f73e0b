package org.secrecyguard.platform;

/**
 * Runs this process as the OS's service manager expects a service to run. Windows: the service
 * control manager starts the program and waits for it to connect (StartServiceCtrlDispatcher) and to
 * report its states; systemd needs none of that, so on Linux the service simply runs.
 */
public interface ServiceHost {
    /** What the service does: started once, closed when the service manager says stop. */
    interface Body {
        AutoCloseable start() throws Exception;
    }

    /**
     * Connects to the service manager and runs {@code body} until it is told to stop; returns the
     * process exit status. A body that fails to start ends the process as a crash, so that the
     * manager's restart-on-failure applies.
     */
    int run(String serviceName, Body body);
}
