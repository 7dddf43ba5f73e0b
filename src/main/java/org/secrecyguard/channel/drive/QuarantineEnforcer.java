package org.secrecyguard.channel.drive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.channel.Enforcer;

/**
 * Stops a file written to a removable drive by moving it off the drive into the local quarantine, and
 * puts it back after a justified override. The put-back is remembered (path → size) so that the
 * guard's own write is not judged again.
 */
final class QuarantineEnforcer implements Enforcer {
    private static final Logger LOG = Logger.getLogger(QuarantineEnforcer.class.getName());

    private final Quarantine quarantine;
    private final Path file;
    private final long size;
    private final Instant time;
    private final Map<Path, Long> restored;
    private final Executor scanThread;
    private Path kept;

    QuarantineEnforcer(Quarantine quarantine, Path file, long size, Instant time, Map<Path, Long> restored,
                       Executor scanThread) {
        this.quarantine = quarantine;
        this.file = file;
        this.size = size;
        this.time = time;
        this.restored = restored;
        this.scanThread = scanThread;
    }

    @Override
    public String stop() throws CannotStop {
        try {
            kept = quarantine.take(file, time);
            return "moved to quarantine " + kept.getFileName();
        } catch (IOException e) {
            // Locked, read-only or pulled: the file is still on the drive and the log says so.
            LOG.log(Level.WARNING, "could not move a flagged file off a removable drive", e);
            throw new CannotStop("could not move the file off the drive: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String release() throws IOException {
        try {
            restored.put(file, size);
            quarantine.restore(kept, file);
            return "put back on the drive";
        } catch (IOException e) {
            restored.remove(file);
            // The message goes to the log: the quarantine name only, never the drive's folders.
            throw new IOException("override given but the file could not be put back: still in quarantine "
                    + kept.getFileName(), e);
        }
    }

    @Override
    public Executor releaseThread() {
        return scanThread;
    }
}
