package org.secrecyguard.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.secrecyguard.platform.RemovableMedia;
import org.secrecyguard.platform.RemovableVolume;

/** Folders standing for plugged-in USB sticks (no USB device exists on the build machine). */
final class FolderDrives implements RemovableMedia {
    private final List<RemovableVolume> mounted = new CopyOnWriteArrayList<>();

    /** Plugs in a stick whose files are in {@code folder}, with made-up but well-formed USB ids. */
    RemovableVolume plugIn(Path folder, String label) {
        RemovableVolume v = new RemovableVolume(folder, label, "0951", "1666", "E0D55EA573E8F6B1C9860B4F");
        mounted.add(v);
        return v;
    }

    @Override
    public List<RemovableVolume> volumes() {
        return List.copyOf(mounted);
    }

    @Override
    public String name() {
        return "folders";
    }
}
