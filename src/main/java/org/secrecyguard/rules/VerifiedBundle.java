package org.secrecyguard.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A bundle that passed every check: signature, hashes, layout, database integrity and schema. Its database
 * has been copied to {@link #database()} (upgraded to the current schema if it was older) and loaded.
 * The caller moves that file into place or deletes it with {@link #discard()}.
 */
public record VerifiedBundle(BundleManifest manifest, Path database, RuleSnapshot snapshot) {
    public void discard() {
        try {
            Files.deleteIfExists(database);
        } catch (IOException ignored) {
            // a stray temp file in the work folder; the next verification cleans nothing up but is unaffected
        }
    }
}
