package org.secrecyguard.scan;

import java.util.List;
import java.util.Optional;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;

/**
 * The outcome of checking one file, text or picture.
 *
 * @param path    what was checked (a file path, or a label such as "clipboard")
 * @param status  OK when the content was checked; ERROR when it could not be (then {@code message} says why)
 * @param verdict what was found (may be non-empty even on ERROR, e.g. a marking in the file name)
 * @param message for ERROR, a reason the user can act on ("encrypted: cannot be checked"); else ""
 * @param notes   what was only partly checked, e.g. "2 images not checked: OCR unavailable"
 * @param millis  wall time spent
 */
public record ScanResult(String path, Status status, Verdict verdict, String message, List<String> notes,
                         long millis) {
    /** Whether the content could be checked. */
    public enum Status { OK, ERROR }

    public ScanResult {
        message = message == null ? "" : message;
        notes = List.copyOf(notes);
    }

    public Optional<Level> level() {
        return verdict.highest();
    }

    public boolean isError() {
        return status == Status.ERROR;
    }

    ScanResult withPath(String newPath, long newMillis) {
        return new ScanResult(newPath, status, verdict, message, notes, newMillis);
    }
}
