package org.secrecyguard.rules;

/** Why a rule bundle was not applied. The last good rules stay active in every case. */
public enum RejectReason {
    /** The source could not be reached or answered with an error (e.g. HTTP 500, share offline). */
    SOURCE_UNAVAILABLE,
    /** The source did not answer in time. */
    TIMEOUT,
    /** The bundle (or the download) is larger than the configured limit. */
    TOO_LARGE,
    /** Not a well-formed bundle: truncated, extra or missing entries, bytes outside the canonical layout. */
    MALFORMED,
    /** The bundle carries no signature. */
    UNSIGNED,
    /** The signature does not verify with the pinned public key (tampered manifest or another key). */
    BAD_SIGNATURE,
    /** An entry does not match the hash or size in the signed manifest. */
    HASH_MISMATCH,
    /** The bundle's version is not newer than the active rules (a rollback or a replay). */
    NOT_NEWER,
    /**
     * The bundle is validly signed but older than the highest version ever applied on this PC (for example an
     * old bundle copied back into the rules folder).
     */
    ROLLBACK,
    /**
     * The updater's state file (highest version applied, installed bundle hashes, last ETags) is missing while
     * bundles are installed, unreadable, or not in the expected format: possibly tampered with.
     */
    STATE_UNTRUSTED,
    /** The signed database is damaged ({@code PRAGMA integrity_check}) or cannot be read. */
    CORRUPT_DATABASE,
    /** The signed database is not a rules database of a schema this program can use. */
    SCHEMA,
    /** Verified, but writing it into the rules folder or building the engine failed. */
    APPLY_FAILED
}
