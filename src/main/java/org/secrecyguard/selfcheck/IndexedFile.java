package org.secrecyguard.selfcheck;

/**
 * One row of the index: what was known of a file when it was last read, and what the check found.
 *
 * @param path         absolute path
 * @param stamp        size, time and identity when read
 * @param rulesKey     {@link RulesKey#key()} of the rules it was judged by
 * @param verdict      allow, warn, block or error (the default outbound policy, as {@code scan} says it)
 * @param level        the highest level found, or null
 * @param findingsJson the findings with masked evidence (JSON array), "[]" when clean
 * @param sha256       content hash, only for flagged files (for the report and events), else null
 * @param error        true when the content could not be checked (then {@code message} says why)
 * @param message      why the file could not be checked, or what was left out, else ""
 * @param checkedRun   the run that read it last
 */
public record IndexedFile(String path, FileStamp stamp, String rulesKey, String verdict, String level,
                          String findingsJson, String sha256, boolean error, String message,
                          long checkedRun) {
    /** True when anything was found (even a level the default policy lets pass, such as 内部). */
    public boolean flagged() {
        return level != null && !level.isEmpty();
    }
}
