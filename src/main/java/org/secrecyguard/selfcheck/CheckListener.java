package org.secrecyguard.selfcheck;

/** Follows a running self-check (the CLI prints, the window shows). Called from the check's threads. */
public interface CheckListener {
    CheckListener NONE = new CheckListener() {
    };

    /** At most a few times a second. */
    default void progress(CheckProgress progress) {
    }

    /** A file read in this run was flagged. */
    default void flagged(FlaggedFile file) {
    }
}
