package org.secrecyguard.channel;

import java.util.concurrent.ThreadFactory;

/** Named daemon threads for the channels: a guard's threads must never keep the app from exiting. */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
