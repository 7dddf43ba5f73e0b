package org.secrecyguard.selfcheck;

import java.util.Locale;

/** Why a file could not be checked, in a few kinds the secrecy office can count. */
public enum ErrorKind {
    TOO_LARGE, ENCRYPTED, PICTURE_NOT_READ, DAMAGED, UNREADABLE, UNSUPPORTED, INTERNAL, OTHER;

    /** The kind of a scan's error message ("too large: over 200 MB", "encrypted: cannot be checked"…). */
    static ErrorKind of(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("too large")) {
            return TOO_LARGE;
        }
        if (m.contains("encrypt") || m.contains("password")) {
            return ENCRYPTED;
        }
        if (m.contains("ocr") || m.contains("picture") || m.contains("image")) {
            return PICTURE_NOT_READ;
        }
        if (m.contains("corrupt") || m.contains("truncated") || m.contains("damaged")) {
            return DAMAGED;
        }
        if (m.contains("cannot read") || m.contains("not found") || m.contains("denied")) {
            return UNREADABLE;
        }
        if (m.contains("unsupported") || m.contains("not supported")) {
            return UNSUPPORTED;
        }
        if (m.contains("internal error")) {
            return INTERNAL;
        }
        return OTHER;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
