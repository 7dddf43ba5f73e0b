package org.secrecyguard.channel.clipboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.secrecyguard.channel.ContentScanner;
import org.secrecyguard.channel.ScanOutcome;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.scan.FolderWalk;

/** Judges a copied file list: every file, folders walked within {@link FolderWalk}'s limits; cancellable. */
final class CopiedFiles {
    private CopiedFiles() {
    }

    static ScanOutcome scan(List<Path> roots, ContentScanner scanner) {
        FolderWalk.Listing listing = FolderWalk.of(roots);
        List<Verdict> verdicts = new ArrayList<>();
        LinkedHashSet<String> notes = new LinkedHashSet<>();
        boolean complete = !listing.truncated() && !listing.unreadable();
        if (!listing.note().isEmpty()) {
            notes.add(listing.note());
        }
        for (Path f : listing.files()) {
            if (Thread.currentThread().isInterrupted()) {
                return ScanOutcome.incomplete(Verdict.merge(verdicts), "cancelled");
            }
            ScanOutcome o = scanner.scanFile(f);
            verdicts.add(o.verdict());
            if (!o.complete()) {
                complete = false;
                notes.add(o.note());
            }
        }
        return new ScanOutcome(Verdict.merge(verdicts), complete, String.join("; ", notes));
    }
}
