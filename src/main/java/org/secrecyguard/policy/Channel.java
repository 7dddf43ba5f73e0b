package org.secrecyguard.policy;

import java.util.Locale;

/** The paths by which material can leave the PC, each watched by its own channel. */
public enum Channel {
    CLIPBOARD, SCREENSHOT, REMOVABLE_DRIVE, UPLOAD_DIALOG, CHAT_FILE_STORE,
    /** A file checked on request (scan command, check-a-file window): not leaving yet. */
    MANUAL_SCAN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
