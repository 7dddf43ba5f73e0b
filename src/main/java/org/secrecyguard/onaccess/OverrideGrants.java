package org.secrecyguard.onaccess;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.secrecyguard.platform.FileAccessGate.FileIdentity;

/**
 * Opens a user justified: one (file, application) pair may be opened for one minute after the user
 * gave a reason (Purview's window), so that sending again works; then the guard judges it again.
 * Thread-safe; keeps few entries. Shared by the fanotify guard and the Windows picker channel.
 */
public final class OverrideGrants {
    public static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int KEPT = 256;

    private final Clock clock;
    private final Map<Key, Instant> until = new LinkedHashMap<>();

    public OverrideGrants(Clock clock) {
        this.clock = clock;
    }

    public synchronized void grant(FileIdentity file, String executable) {
        until.put(new Key(file.device(), file.inode(), executable), clock.instant().plus(WINDOW));
        var it = until.entrySet().iterator();
        while (until.size() > KEPT && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    public synchronized boolean allows(FileIdentity file, String executable) {
        Key key = new Key(file.device(), file.inode(), executable);
        Instant end = until.get(key);
        if (end == null) {
            return false;
        }
        if (clock.instant().isBefore(end)) {
            return true;
        }
        until.remove(key);
        return false;
    }

    private record Key(long device, long inode, String executable) {
    }
}
