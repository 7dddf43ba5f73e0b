package org.secrecyguard.platform;

/**
 * The OS's service manager, as seen by the system service: told when the service is ready and, while the
 * on-access guard is healthy, kept from declaring it hung (systemd's {@code sd_notify} READY/WATCHDOG).
 * Keep-alives come from the guard's own watchdog thread only after it found the decision path moving, so
 * a service stopped as a whole (SIGSTOP), which no thread inside it can notice, is killed and restarted by
 * the manager. Without a manager (started by hand, Windows) every call does nothing.
 */
public interface ServiceManager {
    /** Start-up is over; {@code status} is a short line for {@code systemctl status}. */
    void ready(String status);

    /** The guard is healthy now; cheap to call often (implementations send at their own pace). */
    void alive();

    /** The service is shutting down on purpose. */
    void stopping();

    /** A manager that is not there. */
    static ServiceManager none() {
        return new ServiceManager() {
            @Override
            public void ready(String status) {
            }

            @Override
            public void alive() {
            }

            @Override
            public void stopping() {
            }
        };
    }
}
