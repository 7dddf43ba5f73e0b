package org.secrecyguard.channel;

import java.time.Instant;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.platform.RemovableVolume;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;

/**
 * One decision a channel carried out, for the event log. It holds the verdict's findings (whose
 * evidence is already masked) and never the content itself.
 *
 * @param outcome        what happened to the transfer
 * @param destinationApp the application in front when the guard acted, or ""
 * @param overrideReason the user's written reason when they overrode a block, else ""
 * @param note           a technical remark for IT (e.g. "OCR unavailable"), or ""
 * @param file           the file that was moving (name without folders, size, SHA-256), or null
 * @param device         the removable device it was going to, or null
 */
public record GuardEvent(Instant time, Channel channel, Action action, Outcome outcome, ContentKind contentKind,
                         Verdict verdict, String destinationApp, String overrideReason, String note,
                         MovedFile file, RemovableVolume device) {
    /** A file a transfer carried; the name has no folders (folders may name projects). */
    public record MovedFile(String name, long size, String sha256) {
        /** The facts of {@code file} now (it is read once for the hash). */
        public static MovedFile of(java.nio.file.Path file) throws java.io.IOException {
            return new MovedFile(file.getFileName().toString(), java.nio.file.Files.size(file),
                    org.secrecyguard.scan.ContentHash.of(file));
        }
    }

    /** An event about content that is not a file, going to no device. */
    public GuardEvent(Instant time, Channel channel, Action action, Outcome outcome, ContentKind contentKind,
                      Verdict verdict, String destinationApp, String overrideReason, String note) {
        this(time, channel, action, outcome, contentKind, verdict, destinationApp, overrideReason, note, null, null);
    }

    /** What happened to the content. */
    public enum Outcome {
        /** Stopped (clipboard replaced, transfer cancelled). */
        BLOCKED,
        /** Let through after a warning. */
        WARNED,
        /** Let through, logged silently. */
        AUDITED,
        /** Stopped, then let through because the user gave a reason. */
        OVERRIDDEN
    }

    public GuardEvent {
        destinationApp = destinationApp == null ? "" : destinationApp;
        overrideReason = overrideReason == null ? "" : overrideReason;
        note = note == null ? "" : note;
    }
}
