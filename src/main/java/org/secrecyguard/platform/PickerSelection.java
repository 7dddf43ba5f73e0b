package org.secrecyguard.platform;

import java.nio.file.Path;
import java.util.List;

/**
 * A file picker (the common "open" dialog) in another process showed a choice of files: the user
 * selected them (the name box changed) or the dialog ended (Open, or Cancel) with them in its box.
 * It says what the picker showed, not that the process read the files: the channel judges them
 * before the process can.
 *
 * @param dialog     an id of the dialog window, stable from its start to its end (a window handle)
 * @param pid        the process that owns the dialog
 * @param executable that process's executable path ("" when it could not be read)
 * @param phase      whether the choice is being made or the dialog just ended
 * @param chosen     the files the name box names, resolved against the folder the dialog shows
 * @param unresolved names that could not be turned into a file (no folder known), kept for the log
 */
public record PickerSelection(long dialog, long pid, String executable, Phase phase, List<Path> chosen,
                              List<String> unresolved) {
    /** When the choice was read. */
    public enum Phase {
        /** The name box changed while the dialog is open: there is still time before the process reads. */
        SELECTION,
        /** The dialog closed (Open or Cancel): a process that got the files reads them now. */
        DIALOG_END
    }

    public PickerSelection {
        executable = executable == null ? "" : executable;
        chosen = List.copyOf(chosen);
        unresolved = List.copyOf(unresolved);
    }
}
