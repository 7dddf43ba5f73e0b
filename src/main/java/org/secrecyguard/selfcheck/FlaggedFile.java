package org.secrecyguard.selfcheck;

import java.util.List;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;

/**
 * A flagged file as the secrecy office's report lists it.
 *
 * @param path     where it is
 * @param size     bytes
 * @param mtimeMillis last change
 * @param level    highest level found
 * @param verdict  allow|warn|block|error as {@code scan} says it
 * @param findings the findings, evidence masked
 * @param sha256   content hash (which copy it was), null if it could not be read
 * @param message  why the content could not be checked, or ""
 */
public record FlaggedFile(String path, long size, long mtimeMillis, Level level, String verdict,
                          List<Finding> findings, String sha256, String message) {
    public FlaggedFile {
        findings = List.copyOf(findings);
    }

    static FlaggedFile of(IndexedFile f) {
        return new FlaggedFile(f.path(), f.stamp().size(), f.stamp().mtimeMillis(), Level.valueOf(f.level()), f.verdict(),
                FindingsJson.read(f.findingsJson()), f.sha256(), f.message());
    }
}
