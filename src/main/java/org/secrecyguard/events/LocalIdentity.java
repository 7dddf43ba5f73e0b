package org.secrecyguard.events;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user and PC names stamped on events, looked up once. The host name comes from the environment or
 * /etc/hostname before DNS, because a reverse lookup on a badly configured office network can stall.
 */
final class LocalIdentity {
    private static volatile String host;

    private LocalIdentity() {
    }

    static String user() {
        return System.getProperty("user.name");
    }

    static String host() {
        String h = host;
        if (h == null) {
            h = lookUpHost();
            host = h;
        }
        return h;
    }

    private static String lookUpHost() {
        for (String var : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        try {
            String v = Files.readString(Path.of("/etc/hostname")).strip();
            if (!v.isEmpty()) {
                return v;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: fall through to the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
