package org.secrecyguard.channel.upload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.secrecyguard.platform.FileHold;

/**
 * The files the channel holds now, by the dialog they were chosen in, so that a dialog's end (or the
 * hold's time limit) releases that dialog's files and an override releases one. Used on the
 * channel's thread only.
 */
final class HeldFiles {
    private final Map<Long, List<FileHold.Held>> byDialog = new HashMap<>();

    void add(long dialog, FileHold.Held held) {
        byDialog.computeIfAbsent(dialog, d -> new ArrayList<>()).add(held);
    }

    boolean isHeld(Path file) {
        return byDialog.values().stream().flatMap(List::stream).anyMatch(h -> h.file().equals(file));
    }

    /** Releases one file wherever it is held; true when it was. */
    boolean release(Path file) {
        boolean found = false;
        for (List<FileHold.Held> list : byDialog.values()) {
            for (var it = list.iterator(); it.hasNext(); ) {
                FileHold.Held h = it.next();
                if (h.file().equals(file)) {
                    h.release();
                    it.remove();
                    found = true;
                }
            }
        }
        byDialog.values().removeIf(List::isEmpty);
        return found;
    }

    /** Releases every file held for {@code dialog}; returns how many. */
    int releaseDialog(long dialog) {
        List<FileHold.Held> list = byDialog.remove(dialog);
        if (list == null) {
            return 0;
        }
        list.forEach(FileHold.Held::release);
        return list.size();
    }

    void releaseAll() {
        byDialog.values().forEach(l -> l.forEach(FileHold.Held::release));
        byDialog.clear();
    }

    int count() {
        return byDialog.values().stream().mapToInt(List::size).sum();
    }
}
