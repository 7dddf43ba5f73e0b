package org.secrecyguard.selfcheck;

/**
 * How far a self-check is, for the CLI's progress line and the window.
 *
 * @param phase      WALKING (listing the disks), READING (checking what changed), DONE
 * @param filesSeen  files listed so far
 * @param filesToRead files that need reading (known once walking ended)
 * @param filesRead  files read so far
 * @param bytesToRead bytes of the files that need reading
 * @param bytesRead  bytes read so far
 * @param flagged    files found flagged so far in this run
 * @param elapsedMillis time spent in this run
 * @param etaMillis  estimated time left, -1 when unknown
 * @param paused     true while waiting for the user to stop working
 */
public record CheckProgress(Phase phase, long filesSeen, long filesToRead, long filesRead, long bytesToRead,
                            long bytesRead, long flagged, long elapsedMillis, long etaMillis, boolean paused) {
    public enum Phase { WALKING, READING, DONE }

    /** Time left from the reading rate so far (bytes, plus a per-file cost for many small files). */
    static long estimate(long filesToRead, long filesRead, long bytesToRead, long bytesRead, long readingMillis) {
        if (filesRead == 0 || readingMillis <= 0) {
            return -1;
        }
        double byFiles = (double) readingMillis / filesRead * (filesToRead - filesRead);
        double byBytes = bytesRead == 0 ? byFiles : (double) readingMillis / bytesRead * (bytesToRead - bytesRead);
        return Math.max(0, Math.round((byFiles + byBytes) / 2));
    }
}
