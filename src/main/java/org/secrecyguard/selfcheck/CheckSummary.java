package org.secrecyguard.selfcheck;

import java.util.List;
import java.util.Map;
import org.secrecyguard.engine.Level;

/**
 * What one self-check did and found, for the CLI, the window and the {@code SELF_CHECK} event.
 *
 * @param runId          the run in the index
 * @param roots          what was checked
 * @param completed      false when cancelled or stopped (resume with {@code --resume})
 * @param resumed        true when this continued an interrupted run
 * @param filesSeen      files listed under the roots
 * @param bytesSeen      their bytes
 * @param filesRead      files read in this run (all segments of a resumed run)
 * @param bytesRead      their bytes
 * @param filesUnchanged files not read because the index knew them unchanged under the same rules
 * @param filesRekeyed   clean files not read because the rules update only removed rules
 * @param flaggedByLevel every flagged file under the roots (this run's and unchanged ones), by highest level
 * @param errorsByKind   files that could not be checked, by kind
 * @param durationMillis time spent (all segments)
 * @param flagged        the flagged files, for the report
 * @param flaggedRead    those of them read in this run (the others were reported by earlier runs)
 */
public record CheckSummary(long runId, List<String> roots, boolean completed, boolean resumed, long filesSeen,
                           long bytesSeen, long filesRead, long bytesRead, long filesUnchanged, long filesRekeyed,
                           Map<Level, Integer> flaggedByLevel, Map<ErrorKind, Integer> errorsByKind,
                           long durationMillis, List<FlaggedFile> flagged,
                           List<FlaggedFile> flaggedRead) {
    public CheckSummary {
        roots = List.copyOf(roots);
        flaggedByLevel = Map.copyOf(flaggedByLevel);
        errorsByKind = Map.copyOf(errorsByKind);
        flagged = List.copyOf(flagged);
        flaggedRead = List.copyOf(flaggedRead);
    }

    public int flaggedCount() {
        return flagged.size();
    }

    public int errorCount() {
        return errorsByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** True when any national secret (绝密, 机密, 秘密) was found. */
    public boolean nationalSecretFound() {
        return flaggedByLevel.keySet().stream().anyMatch(Level::isNationalSecret);
    }
}
