package org.secrecyguard.events;

/**
 * What an {@link Event} records. Detections and overrides come from channels; the others are the
 * guard reporting on itself, so that the secrecy office also sees when it was blind or out of date.
 */
public enum EventKind {
    /** The engine flagged something and the policy acted on it. */
    DETECTION,
    /** The user continued past a block and typed a reason. */
    OVERRIDE,
    /** A signed rule bundle was applied. */
    RULES_UPDATED,
    /** A rule bundle was refused (unsigned, tampered, older); the last good one stays. */
    RULES_REJECTED,
    /** A channel stopped watching (degraded protection). */
    CHANNEL_DOWN,
    /** A channel that was down watches again. */
    CHANNEL_UP,
    /** The event log grew past its size cap while holding events not yet uploaded. */
    LOG_CAP_WARNING,
    /** The guard started (the gap before it is time the PC was unguarded). */
    AGENT_STARTED,
    /** The guard stopped in an orderly way. */
    AGENT_STOPPED,
    /** A whole-PC self-check (保密自查) ended: files, bytes, flagged by level, errors by kind, duration. */
    SELF_CHECK
}
